#!/usr/bin/env bash
# Starts an app image's launcher under a virtual display (Xvfb), waits for its first window, saves a screenshot,
# then closes the app the way the desktop does at log-out (SIGTERM) and waits for it to exit.
#
#   installer/gui-start.sh LAUNCHER SCREENSHOT.png [LAUNCHER ARGUMENTS...]
#
# Prints the seconds from starting the launcher to its first visible window. Needs Xvfb, xdotool and ImageMagick:
#   sudo apt-get install xvfb xdotool imagemagick libgtk-3-0 libgl1 libxtst6
# CDP_EXPECT_WINDOW=TITLE also waits for a window whose title starts with TITLE (e.g. a file's import wizard).
set -euo pipefail
launcher=$1
screenshot=$2
shift 2

display=:$((100 + RANDOM % 800))
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=
log=$(mktemp)
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
  kill "$xvfb_pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
for _ in $(seq 1 50); do
  DISPLAY=$display xdotool getmouselocation >/dev/null 2>&1 && break
  sleep 0.1
done

export DISPLAY=$display
start=$(date +%s.%N)
"$launcher" "$@" >"$log" 2>&1 &
app_pid=$!
shown=
for _ in $(seq 1 1200); do
  if xdotool search --onlyvisible --name '.+' >/dev/null 2>&1; then
    shown=$(date +%s.%N)
    break
  fi
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "the app exited before showing a window; its output:" >&2
    tail -30 "$log" >&2
    exit 1
  fi
  sleep 0.05
done
if [ -z "$shown" ]; then
  echo "no window within 60 s; the app's output:" >&2
  tail -30 "$log" >&2
  exit 1
fi
if [ -n "${CDP_EXPECT_WINDOW:-}" ]; then
  found=
  for _ in $(seq 1 600); do
    if xdotool search --onlyvisible --name "^${CDP_EXPECT_WINDOW}" >/dev/null 2>&1; then found=yes; break; fi
    sleep 0.1
  done
  [ -n "$found" ] || { echo "no window titled '${CDP_EXPECT_WINDOW}...' within 60 s" >&2; exit 1; }
fi
sleep 2  # let the first screen fill in before the screenshot
import -window root -trim +repage "$screenshot"
kill -TERM "$app_pid"
for _ in $(seq 1 300); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
wait "$app_pid" 2>/dev/null || true
app_pid=
awk -v a="$start" -v b="$shown" 'BEGIN { printf "%.2f\n", b - a }'
