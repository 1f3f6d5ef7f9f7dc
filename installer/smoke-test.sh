#!/usr/bin/env bash
# Checks a Linux app image or installed package the way a new user meets it, on a temporary data folder: the launcher's --version, stats
# and sample load; predict and serve (with /docs) when the image has those commands; then the desktop app under a
# virtual display, once empty and once opening a CSV in the import wizard, each screenshotted. A module missing from
# the trimmed runtime fails one of these.
#
#   installer/smoke-test.sh LAUNCHER     e.g. target/installer/image/cdp-desktop/bin/cdp-desktop, or cdp-desktop once installed
#
# Screenshots go to target/installer/smoke/. Needs Xvfb, xdotool, ImageMagick and curl (see installer/build.sh).
set -euo pipefail
launcher=$1
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/.." && pwd)/target/installer/smoke
mkdir -p "$out"
data=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
fail() {
  echo "smoke test FAILED: $*" >&2
  exit 1
}
# Runs the launcher; its stdout must be the command's JSON alone (no JVM warning may slip in).
run() {
  "$launcher" --data-dir "$data/store" "$@" 2>"$data/stderr" || { cat "$data/stderr" >&2; fail "cdp-desktop $*"; }
}

version=$("$launcher" --version)
[[ $version == "CDP Desktop "* ]] || fail "--version printed '$version'"
echo "ok  --version: $version"

stats=$(run stats)
[[ $stats == *'"profileCount":0'* ]] || fail "stats on an empty folder printed '$stats'"
echo "ok  stats: $stats"

loaded=$(run sample load)
[[ $loaded == "{"*'"inserted":'* ]] || fail "sample load printed '$loaded'"
stats=$(run stats)
[[ $stats == *'"profileCount":'[1-9]* ]] || fail "stats after sample load printed '$stats'"
echo "ok  sample load: $loaded"

help=$("$launcher" --help)
if grep -qE '^ +predict ' <<<"$help"; then
  predicted=$(run predict --text "hiking, street food, cheap flights")
  [[ $predicted == "{"* ]] || fail "predict printed '$predicted'"
  echo "ok  predict --text: $predicted"
else
  echo "--  predict: not in this build"
fi
if grep -qE '^ +serve ' <<<"$help"; then
  "$launcher" --data-dir "$data/store" serve --port 0 >"$data/serve.out" 2>"$data/serve.err" &
  server=$!
  url=
  for _ in $(seq 1 600); do
    url=$(grep -o '"url" *: *"[^"]*"' "$data/serve.out" | sed 's/.*"\(http[^"]*\)"/\1/' || true)
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$data/serve.err" >&2; fail "serve exited"; }
    sleep 0.1
  done
  [ -n "$url" ] || fail "serve printed no url within 60 s"
  status=$(curl -s -o /dev/null -w '%{http_code}' "${url%/}/docs")
  [ "$status" = 200 ] || fail "serve answered /docs with HTTP $status"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=
  echo "ok  serve: $url/docs answers 200"
else
  echo "--  serve: not in this build"
fi

seconds=$("$here/gui-start.sh" "$launcher" "$out/first-window.png" --data-dir "$data/empty")
echo "ok  desktop app on an empty folder: first window after $seconds s ($out/first-window.png)"

printf 'email,first_name,zip\nann@example.org,Ann,07302\n' >"$data/customers.csv"
CDP_EXPECT_WINDOW="Import customers.csv" "$here/gui-start.sh" "$launcher" "$out/open-csv.png" \
  --data-dir "$data/store" "$data/customers.csv" >/dev/null
echo "ok  cdp-desktop customers.csv opens it in the import wizard ($out/open-csv.png)"
echo "smoke test passed"
