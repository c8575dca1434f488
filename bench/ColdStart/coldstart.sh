#!/usr/bin/env bash
# Cold start of the whole system: from `dotnet Outreach.AppHost.dll` (built output, no `dotnet run`) to every
# resource Running and Healthy in apphost.json, with the data directory already present (not the first run).
#
#   bench/ColdStart/coldstart.sh [runs]        default 5 runs; builds Release first
#
# Prints one line per run and the median. The first run of a fresh data directory (initdb, new RabbitMQ
# node) is reported separately and not counted.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${1:-5}"

# The AppHost and every project it runs from their build output (the AppHost's own BuildAppHostProjects target,
# which `dotnet run` uses, so the list lives in one place): a project left unbuilt in Release fails to start.
dotnet build src/AppHost -c Release -nologo -v:q > /dev/null
dotnet msbuild src/AppHost -t:BuildAppHostProjects -p:Configuration=Release -nologo -v:q > /dev/null

data="$(mktemp -d /tmp/outreach-coldstart-XXXXXX)"
apphost=""
cleanup() {
  if [ -n "$apphost" ] && kill -0 "$apphost" 2> /dev/null; then
    kill -TERM "$apphost"
    wait "$apphost" || true
  fi
  rm -rf "$data" "$data.log"
}
trap cleanup EXIT

# Milliseconds from launch until apphost.json lists only Running/Healthy resources. A resource that fails to start,
# or a start that takes over a minute, ends the bench with the AppHost's output instead of waiting forever.
measure() {
  local state="$data/apphost.json" started now names healthy
  started=$(date +%s%N)
  dotnet src/AppHost/bin/Release/net10.0/Outreach.AppHost.dll --data-dir "$data" > "$data.log" 2>&1 &
  apphost=$!
  while true; do
    if ! kill -0 "$apphost" 2> /dev/null; then
      echo "the AppHost exited; its output:" >&2
      cat "$data.log" >&2
      exit 1
    fi
    if [ -f "$state" ]; then
      names=$(grep -c '"name":' "$state" || true)
      healthy=$(grep -c '"health": "Healthy"' "$state" || true)
      if [ "$names" -gt 0 ] && [ "$names" = "$healthy" ]; then
        break
      fi
      if grep -q '"state": "FailedToStart"' "$state" || [ $((($(date +%s%N) - started) / 1000000)) -gt 60000 ]; then
        echo "not every resource became healthy within 60 s; apphost.json and the AppHost's output:" >&2
        cat "$state" "$data.log" >&2
        kill -TERM "$apphost"
        wait "$apphost" || true
        exit 1
      fi
    fi
    sleep 0.05
  done
  now=$(date +%s%N)
  kill -TERM "$apphost"
  wait "$apphost" || true
  apphost=""
  echo $(((now - started) / 1000000))
}

first=$(measure)
echo "first run (fresh data directory): $first ms"
results=()
for run in $(seq 1 "$runs"); do
  ms=$(measure)
  results+=("$ms")
  echo "run $run: $ms ms"
done
median=$(printf '%s\n' "${results[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }')
echo "cold start to all healthy (data directory present), median of $runs: $median ms"
