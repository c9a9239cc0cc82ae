#!/usr/bin/env bash
# The browser benchmark of the investigator pages (issue #10; BENCHMARKS.md): serves a loaded synthetic city and runs
# io.credgraph.bench.WebBench (headless Chromium): bytes a first visit of each page transfers (gzip on), and the time
# from the graph answer's arrival to a drawn explorer view of about 500 and 2,000 nodes (median of RUNS runs).
#   api/bench/web.sh [ENTERPRISES]   (default 100000; RUNS=5 BENCH_DIR=/tmp/credgraph-web-bench-N PORT=18090)
# Needs chromium and chromedriver (.ci/install-packages) and a built tree (mvn -DskipTests package, test classes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100000}"
work="${BENCH_DIR:-/tmp/credgraph-web-bench-$n}"
port="${PORT:-18090}"
runs="${RUNS:-5}"
cd "$root"
./credgraph --version >/dev/null
if [ ! -d "$work/city" ]; then
  ./credgraph generate --enterprises "$n" --seed 1 --out "$work/city" --quiet
fi
if [ ! -d "$work/data" ]; then
  ./credgraph load --data "$work/data" --quiet "$work/city" || true   # the generator's noise lines are rejected
fi
if [ ! -s "$work/classpath" ]; then
  # test-compile in the same run, so the sibling modules resolve to their target/ directories (no install)
  mvn -q -B -o -pl api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/cp-api" >/dev/null
  echo "$root/api/target/test-classes:$root/api/target/classes:$(cat "$work/cp-api")" > "$work/classpath"
fi
# the audit chain is keyed (HMAC); the key of a benchmark run lives beside the data directory, never inside it
[ -s "$work/audit.key" ] || { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/audit.key"; }
key="web-bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
CREDGRAPH_API_KEYS="bench:$key:INVESTIGATOR" java ${CREDGRAPH_JAVA_OPTS:--Xmx4g -XX:+UseZGC} \
  -jar api/target/credgraph.jar serve --port "$port" --data "$work/data" --audit-key-file "$work/audit.key" \
  > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
java -cp "$(cat "$work/classpath")" io.credgraph.bench.WebBench "http://127.0.0.1:$port" "$key" "$runs"
