#!/usr/bin/env bash
# A load does not stop the counter (issue #13 item 2; BENCHMARKS.md): serves a loaded synthetic city, runs appointment
# checks at 20/s for 15 s without a load (the baseline), then while a ~100k-line batch (a second city, its own seed)
# is loaded through POST /api/v1/batches; medians, p99 and statuses of both (io.credgraph.bench.CheckDuringLoadBench).
#   api/bench/load-counter.sh [ENTERPRISES]   (default 100000; BENCH_DIR=/tmp/credgraph-load-counter-N PORT=18095;
#   JAR=another/credgraph.jar serves another build, e.g. the commit before a change, for a before/after)
# BENCH_DIR may be a directory of api/bench/explorer.sh or web.sh (its city/ and data/ are reused, never changed: the
# run serves a copy). Needs a built tree (mvn -DskipTests package).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100000}"
work="${BENCH_DIR:-/tmp/credgraph-load-counter-$n}"
port="${PORT:-18095}"
extra_enterprises="${EXTRA:-15000}"
cd "$root"
mkdir -p "$work"
start=$(date +%s)
if [ ! -d "$work/city" ]; then
  echo "== generating the ${n}-enterprise city"
  ./credgraph generate --enterprises "$n" --seed 1 --out "$work/city" --quiet
fi
if [ ! -d "$work/data" ]; then
  echo "== loading it"
  ./credgraph load --data "$work/data" --quiet "$work/city" || true   # the generator's noise lines are rejected
fi
if [ ! -s "$work/extra-batch.jsonl" ]; then
  echo "== the batch loaded during the checks: a second city of $extra_enterprises enterprises (seed 3), one file"
  rm -rf "$work/extra"
  ./credgraph generate --enterprises "$extra_enterprises" --seed 3 --out "$work/extra" --quiet
  cat $(ls "$work"/extra/*.jsonl | sort) > "$work/extra-batch.jsonl"
fi
[ -s "$work/persons.txt" ] || sed -n 's/.*"kind":"PERSON","idNumber":"\([0-9X]*\)".*/\1/p' "$work"/city/*.jsonl \
  | awk -v mode=resident -f "$root/api/bench/valid-keys.awk" | awk 'NR <= 2000' > "$work/persons.txt"   # awk reads
  # to the end: no SIGPIPE under pipefail
if [ ! -s "$work/classpath" ]; then
  mvn -q -B -o -pl api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/cp-api" >/dev/null
  echo "$root/api/target/test-classes:$root/api/target/classes:$(cat "$work/cp-api")" > "$work/classpath"
fi
echo "== serving a copy of the loaded city"
rm -rf "$work/run-data" && cp -rL "$work/data" "$work/run-data"   # -L: data/ may be a link to another bench's
sync   # the copy's writeback must not overlap the measured run
[ -s "$work/audit.key" ] || { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/audit.key"; }
key="load-counter-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
CREDGRAPH_API_KEYS="bench:$key:ADMIN" java ${CREDGRAPH_JAVA_OPTS:--Xmx6g -XX:+UseZGC} \
  -jar "${JAR:-api/target/credgraph.jar}" serve --port "$port" --data "$work/run-data" --audit-key-file "$work/audit.key" \
  --alert-distinct-persons 0 > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "the server stopped; see $work/serve.log" >&2; tail -5 "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
java -cp "$(cat "$work/classpath")" io.credgraph.bench.CheckDuringLoadBench "http://127.0.0.1:$port" "$key" \
  "$work/persons.txt" "$work/extra-batch.jsonl" 15
echo "== done in $(( $(date +%s) - start )) s"
