#!/usr/bin/env bash
# Print deploy/nginx.conf.template filled in:  deploy/render_nginx.sh RUN_DIR LISTEN BACKEND [BACKEND ...]
# RUN_DIR holds nginx's pid, log and temp files; LISTEN is address:port; each BACKEND is an app's host:port.
# Used by scale_out.sh and by tests/test_deploy.py, so the tested config is the one that runs.
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,4p' "$0" >&2; exit 2; fi
run_dir="$1"
listen="$2"
shift 2
servers=""
for backend in "$@"; do servers="$servers        server $backend;\\n"; done
sed -e "s#__RUN_DIR__#$run_dir#g" -e "s#__LISTEN__#$listen#g" -e "s#__SERVERS__#$servers#" \
  "$(dirname "$0")/nginx.conf.template"
