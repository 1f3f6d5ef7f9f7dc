#!/usr/bin/env bash
# Builds CDP Desktop's native installer for this OS in steps, as jpackage intends: jlink a trimmed Java runtime,
# jpackage the app (the shaded jar) with it into an app image, then the installer from that image.
#
#   installer/build.sh [TYPE]     TYPE: app-image, deb, rpm (Linux), dmg, pkg (macOS), msi, exe (Windows)
#
# On Linux the image also gets a class-data-sharing archive (AppCDS) from one start of the app under a virtual
# display, and installer/smoke-test.sh checks the image before it is packaged. Output goes to target/installer/dist.
# The jpackage arguments live in installer/*.args, filled in by Maven (version, main class) during `mvn package`.
# Linux needs: sudo apt-get install zip unzip fakeroot xvfb xdotool imagemagick curl libgtk-3-0 libgl1 libxtst6
set -euo pipefail
cd "$(dirname "$0")/.."
args=target/installer
case "$(uname -s)" in
  Linux) os=linux; default_type=deb ;;
  Darwin) os=macos; default_type=dmg ;;
  *) os=windows; default_type=msi ;;
esac
type=${1:-$default_type}
os_args() {  # the OS's args file for $1 (image or package), if it has one
  if [ -f "installer/$os/$1.args" ]; then echo "@$args/$os/$1.args"; fi
}

mvn -q -B package -DskipTests
rm -rf "$args/input" "$args/runtime" "$args/image" "$args/dist"
mkdir -p "$args/input"
cp target/cdp-desktop.jar "$args/input/"
# The runnable jar carries native libraries for every platform (SQLite, Kafka's compression codecs); the image keeps
# only this platform's, and JavaFX's own (which sit at the jar's root). Source maps of the API page's scripts are only
# for browser developer tools.
case "$(uname -m)" in
  x86_64 | amd64) arch='(x86_64|amd64)' ;;
  aarch64 | arm64) arch='aarch64' ;;
  *) arch=$(uname -m) ;;
esac
case "$os" in
  linux) platform="(Linux|linux)/$arch/" ;;
  macos) platform="(Mac|darwin)/$arch/" ;;
  *) platform="(Windows|win|win32)/$arch/" ;;
esac
unzip -Z1 "$args/input/cdp-desktop.jar" \
  | grep -E '/[^/]+\.(so|dll|dylib|jnilib|a)$|^META-INF/resources/webjars/.*\.map$' \
  | grep -vE "(^|/)$platform[^/]+$" \
  | zip -q -d "$args/input/cdp-desktop.jar" -@
# Stored rather than deflated: the installer compresses the whole image far better than zip does entry by entry (the
# .deb is about 25 MB smaller, the installed jar larger), and classes outside the class-data archive load unzipped.
unpacked=$(mktemp -d)
unzip -q "$args/input/cdp-desktop.jar" -d "$unpacked"
rm "$args/input/cdp-desktop.jar"
jar_path="$PWD/$args/input/cdp-desktop.jar"
(cd "$unpacked" && zip -q -0 -r -X "$jar_path" META-INF .)
rm -rf "$unpacked"

# The modules the app's classes refer to (jdeps over the shaded jar, which holds every library), plus those loaded
# by name at run time, which jdeps cannot see: TLS key exchange and ciphers (Kafka, HTTPS), zip file systems,
# JMX (Kafka's metrics), JNDI (logback) and the HTTP client.
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 target/cdp-desktop.jar)
modules="$modules,java.sql,java.naming,java.management,java.net.http,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs"
echo "runtime modules: $modules"
jlink --strip-debug --no-man-pages --no-header-files --compress=2 \
  --add-modules "$modules" --output "$args/runtime"

image_options=(@"$args/common.args" @"$args/image.args" $(os_args image))
# The class-data archive of the image in folder $1, for the jar at that path.
make_archive() {
  "$1/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$1/lib/app/classes.lst" \
    -XX:SharedArchiveFile="$1/lib/app/cdp-desktop.jsa" -cp "$1/lib/app/cdp-desktop.jar" >/dev/null
}
if [ "$os" = linux ]; then
  # A first start lists the classes it loads; a class-data archive of them (AppCDS) lets later starts map them instead
  # of loading and verifying each again. The archive names the jar by its absolute path, so it is made where the image
  # runs: here for the app image, and by the package's postinst in the installed folder (installer/linux/postinst).
  jpackage --type app-image "${image_options[@]}" --dest "$args/image" \
    --java-options '-XX:DumpLoadedClassList=$APPDIR/classes.lst'
  image="$PWD/$args/image/cdp-desktop"
  training=$(mktemp -d)
  echo "first window after $(installer/gui-start.sh "$image/bin/cdp-desktop" "$training/window.png" --data-dir "$training/data") s (class list training run)"
  rm -rf "$training"
  test -s "$image/lib/app/classes.lst"
  # JVM warnings (such as an archive that does not fit) go to stderr: stdout carries the CLI's JSON alone.
  sed -i 's|^java-options=-XX:DumpLoadedClassList=.*|java-options=-XX:SharedArchiveFile=$APPDIR/cdp-desktop.jsa\njava-options=-Xshare:auto\njava-options=-Xlog:disable\njava-options=-Xlog:all=warning:stderr|' \
    "$image/lib/app/cdp-desktop.cfg"
  make_archive "$image"
  installer/smoke-test.sh "$image/bin/cdp-desktop"
  if [ "$type" != app-image ]; then
    rm "$image/lib/app/cdp-desktop.jsa"
  fi
else
  jpackage --type app-image "${image_options[@]}" --dest "$args/image"
  image=$(echo "$args"/image/*)
fi

mkdir -p "$args/dist"
if [ "$type" = app-image ]; then
  cp -a "$image" "$args/dist/"
  if [ "$os" = linux ]; then
    make_archive "$PWD/$args/dist/cdp-desktop"  # a moved image keeps working, but starts without the archive
  fi
else
  jpackage --type "$type" @"$args/common.args" $(os_args package) --app-image "$image" --dest "$args/dist"
fi
du -sh "$args/runtime" "$image" "$args"/dist/*
