#!/usr/bin/env bash
# The HTTP benchmark of BENCHMARKS.md: generates the synthetic city, loads it into an embedded store, serves it and
# measures with wrk (Debian's package) on loopback: appointment and sanctions checks with and without cache hits,
# and a bare Javalin endpoint (the ceiling of the HTTP stack) in the same run.
#   api/bench/run.sh [ENTERPRISES]      (default 100000; DURATION=30s CONNECTIONS=32 THREADS=2 BENCH_DIR=/tmp/...)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/api/bench"
n="${1:-100000}"
duration="${DURATION:-30s}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
work="${BENCH_DIR:-/tmp/credgraph-bench-$n}"
port="${PORT:-18080}"
bare_port=$((port + 1))
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }
cd "$root"
./credgraph --version >/dev/null

if [ ! -d "$work/city" ]; then
  echo "== generating the synthetic city of $n enterprises in $work/city"
  ./credgraph generate --enterprises "$n" --out "$work/city" --quiet
fi
if [ ! -d "$work/data" ]; then
  echo "== loading it into $work/data"
  # exit 3 means some lines were rejected: the generator writes deliberately bad lines, so that is expected here
  rc=0
  ./credgraph load --data "$work/data" --quiet "$work/city" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then echo "bench: load failed (exit $rc)" >&2; exit "$rc"; fi
fi
if [ ! -s "$work/persons.txt" ]; then
  zcat -f "$work"/city/*.jsonl* | grep '"type":"subject"' | grep '"kind":"PERSON"' \
    | sed -n 's/.*"idNumber":"\([0-9X]*\)".*/\1/p' | awk -v mode=resident -f "$bench/valid-keys.awk" \
    | awk 'NR <= 200000' > "$work/persons.txt"
  zcat -f "$work"/city/*.jsonl* | grep '"type":"subject"' | grep '"kind":"ENTERPRISE"' \
    | sed -n 's/.*"uscc":"\([0-9A-Z]*\)".*/\1/p' | awk -v mode=uscc -f "$bench/valid-keys.awk" \
    | awk 'NR <= 200000' > "$work/enterprises.txt"
fi
echo "== $(wc -l < "$work/persons.txt") persons, $(wc -l < "$work/enterprises.txt") enterprises to ask about"

key="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# the audit chain is keyed (HMAC); the key of a benchmark run lives beside the data directory, never inside it
if [ ! -s "$work/audit.key" ]; then head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/audit.key"; fi
pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT
serve() {
  CREDGRAPH_API_KEYS="bench:$key:ADMIN" java ${CREDGRAPH_JAVA_OPTS:--Xmx4g -XX:+UseZGC} \
    -jar api/target/credgraph.jar serve --port "$port" --data "$work/data" --audit-key-file "$work/audit.key" \
    --rate-key 0 --alert-distinct-persons 0 "$@" > "$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: the server did not start, see $work/serve.log" >&2; exit 1
}
run() {
  local label="$1" script="$2" distinct="$3" url="$4"
  wrk --latency -t"$threads" -c"$connections" -d10s -s "$bench/$script" "$url" >/dev/null 2>&1 || true
  local out
  out=$(CREDGRAPH_KEY="$key" CREDGRAPH_DISTINCT="$distinct" CREDGRAPH_PERSONS="$work/persons.txt" \
    CREDGRAPH_ENTERPRISES="$work/enterprises.txt" \
    wrk --latency -t"$threads" -c"$connections" -d"$duration" -s "$bench/$script" "$url" | grep RESULT)
  printf '%-44s %s\n' "$label" "${out#RESULT }"
}

echo "== wrk -t$threads -c$connections -d$duration on $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java ${CREDGRAPH_JAVA_OPTS:--Xmx1g} -jar api/target/credgraph.jar bench-ceiling --port "$bare_port" \
  > "$work/bare.log" 2>&1 &
bare=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$bare_port/ping" >/dev/null 2>&1 && break; sleep 0.5; done
run "bare Javalin endpoint (ceiling)" bare.lua 0 "http://127.0.0.1:$bare_port/ping"
kill "$bare"; wait "$bare" 2>/dev/null || true

serve
run "appointment, cache hits (100 persons)" appointment.lua 100 "http://127.0.0.1:$port"
run "sanctions, cache hits (100 enterprises)" sanctions.lua 100 "http://127.0.0.1:$port"
stop
serve --cache-size 0
run "appointment, no cache (all persons, 4 days)" appointment.lua 0 "http://127.0.0.1:$port"
run "sanctions, no cache (all enterprises, 4 days)" sanctions.lua 0 "http://127.0.0.1:$port"
stop
echo "== load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
