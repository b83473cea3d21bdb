#!/usr/bin/env bash
# Run K Streamlit processes (127.0.0.1:8601..) behind nginx (127.0.0.1:8600) with sticky sessions.
#
#   deploy/scale_out.sh [-k K] [-p LB_PORT] [-b FIRST_APP_PORT] [-c] [-- COMMAND ...]
#
# With a COMMAND, runs it once everything is healthy, then stops everything and exits with its status;
# without one, waits until Ctrl-C. COMMAND sees LB_URL (the nginx address), APP_PIDS (the app process ids),
# PID_ARGS ("--pid N" for each, for python -m benchmarks.load) and AUX_ARGS ("--aux-pid N" for nginx's
# processes, whose CPU time load.py reports as aux_cpu_s). -c pins app process i to CPU i mod nproc. Example:
#
#   deploy/scale_out.sh -k 2 -- sh -c '.venv/bin/python -m benchmarks.load --url "$LB_URL" $PID_ARGS --sessions 40'
#
# Everything listens on loopback only. Installs Debian's nginx with apt-get if it is missing.
set -euo pipefail

K=2
LB_PORT=8600
APP_PORT=8601
PIN=0
while getopts "k:p:b:ch" opt; do
  case "$opt" in
    k) K="$OPTARG" ;;
    p) LB_PORT="$OPTARG" ;;
    b) APP_PORT="$OPTARG" ;;
    c) PIN=1 ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PYTHON" ] || PYTHON="$(command -v python3)"
RUN_DIR="$(mktemp -d /tmp/tpx-scale.XXXXXX)"
chmod 755 "$RUN_DIR"  # nginx workers drop root and must reach their temp directories
APP_PIDS=""
NGINX_PID=""

cleanup() {
  # Stop only what this script started, by pid.
  [ -n "$NGINX_PID" ] && kill -TERM "$NGINX_PID" 2>/dev/null || true
  for pid in $APP_PIDS; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $NGINX_PID $APP_PIDS; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$RUN_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_health() {  # url, seconds
  for _ in $(seq $(($2 * 4))); do
    "$PYTHON" -c "import urllib.request; urllib.request.urlopen('$1/_stcore/health', timeout=2)" \
      2>/dev/null && return 0
    sleep 0.25
  done
  echo "no health answer from $1" >&2
  return 1
}

if ! command -v nginx >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nginx >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

BACKENDS=()
for i in $(seq 0 $((K - 1))); do
  port=$((APP_PORT + i))
  if port_busy "$port"; then echo "port $port is in use" >&2; exit 1; fi
  pin=()
  [ "$PIN" = 1 ] && pin=(taskset -c "$((i % $(nproc)))")
  (cd "$ROOT" && exec "${pin[@]}" "$PYTHON" -m streamlit run explorer.py --server.address 127.0.0.1 --server.port "$port" \
     --server.headless true --server.fileWatcherType none --server.runOnSave false) \
     >"$RUN_DIR/app-$port.log" 2>&1 &
  APP_PIDS="$APP_PIDS $!"
  BACKENDS+=("127.0.0.1:$port")
done
APP_PIDS="${APP_PIDS# }"

if port_busy "$LB_PORT"; then echo "port $LB_PORT is in use" >&2; exit 1; fi
"$ROOT/deploy/render_nginx.sh" "$RUN_DIR" "127.0.0.1:$LB_PORT" "${BACKENDS[@]}" >"$RUN_DIR/nginx.conf"
NGINX_ARGS=(-c "$RUN_DIR/nginx.conf" -p "$RUN_DIR" -e "$RUN_DIR/error.log" -g 'daemon off;')
"$NGINX" -t -q "${NGINX_ARGS[@]}"
"$NGINX" "${NGINX_ARGS[@]}" &
NGINX_PID=$!

for i in $(seq 0 $((K - 1))); do
  wait_health "http://127.0.0.1:$((APP_PORT + i))" 120
  # One session per process loads the data and compiles the page, so no visitor waits for it.
  (cd "$ROOT" && "$PYTHON" -m benchmarks.load --warm-only --url "http://127.0.0.1:$((APP_PORT + i))" >/dev/null)
done
export LB_URL="http://127.0.0.1:$LB_PORT" APP_PIDS
PID_ARGS="$(for pid in $APP_PIDS; do printf -- '--pid %s ' "$pid"; done)"
export PID_ARGS
AUX_ARGS="$(for pid in $NGINX_PID $(pgrep -P "$NGINX_PID" || true); do printf -- '--aux-pid %s ' "$pid"; done)"
export AUX_ARGS
wait_health "$LB_URL" 30
echo "serving $LB_URL -> $K process(es) on ports $APP_PORT..$((APP_PORT + K - 1)) (pids $APP_PIDS)" >&2

if [ $# -gt 0 ]; then
  set +e
  "$@"
  status=$?
  set -e
  exit "$status"
fi
wait "$NGINX_PID"
