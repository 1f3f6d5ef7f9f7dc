#!/usr/bin/env bash
# Builds CDP Desktop's native installer for this OS in two steps, as jpackage intends:
# jlink a trimmed Java runtime, then jpackage the app (the shaded jar) with it.
#
#   installer/build.sh [TYPE]     TYPE: app-image, deb, rpm (Linux), dmg, pkg (macOS), msi, exe (Windows)
#
# Output goes to target/installer/dist. The jpackage arguments live in installer/*.args, filled in by Maven
# (version, main class) during `mvn package`.
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -s)" in
  Linux) default_type=deb; os_args=(@target/installer/linux/linux.args) ;;
  Darwin) default_type=dmg; os_args=() ;;
  # A fixed upgrade code, so that a new version replaces the installed one instead of installing beside it.
  *) default_type=msi; os_args=(--win-upgrade-uuid 0f2b7c3e-3f54-4f6e-9a53-6c1c2f1d2a70 --win-menu --win-shortcut) ;;
esac
type=${1:-$default_type}

mvn -q -B package -DskipTests
rm -rf target/installer/input target/installer/runtime target/installer/dist
mkdir -p target/installer/input
cp target/cdp-desktop.jar target/installer/input/

# The modules the app uses (jdeps on the shaded jar), plus what logging, JDBC and TLS need at run time.
jlink --strip-debug --no-man-pages --no-header-files --compress=2 \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.sql.rowset,jdk.crypto.ec,jdk.jfr,jdk.unsupported,jdk.zipfs \
  --output target/installer/runtime

jpackage --type "$type" @target/installer/common.args "${os_args[@]}"
ls -la target/installer/dist
