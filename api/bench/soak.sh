#!/usr/bin/env bash
# The soak run of BENCHMARKS.md (not in CI): the synthetic city (100k enterprises by default) on the embedded store,
# served, under mixed load for DURATION minutes: appointment and sanctions checks (wrk), investigation reads (graph,
# controllers, search, profiles) and a batch load every few minutes. Each minute it records the server's heap (from
# /metrics), RSS and open files (from /proc) and the checks' p99 of that minute, in $BENCH_DIR/soak.csv; flat
# columns mean no leak of memory, files or latency. What the RSS is made of is recorded too: the heap the JVM has
# committed, the anonymous, file-backed and shared parts of the RSS (/proc; ZGC's heap is shared memory), and the
# JVM's own count of the native memory it committed (Native Memory Tracking: its total and its "Other" category).
#   api/bench/soak.sh [ENTERPRISES]     (default 100000; DURATION=30 minutes, CONNECTIONS=8, BENCH_DIR=/tmp/...)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/api/bench"
n="${1:-100000}"
minutes="${DURATION:-30}"
connections="${CONNECTIONS:-8}"
work="${BENCH_DIR:-/tmp/credgraph-bench-$n}"
port="${PORT:-18090}"
command -v wrk >/dev/null || { echo "soak: wrk is needed (apt-get install wrk)" >&2; exit 1; }
cd "$root"
./credgraph --version >/dev/null

if [ ! -d "$work/city" ]; then
  echo "== generating the synthetic city of $n enterprises in $work/city"
  ./credgraph generate --enterprises "$n" --out "$work/city" --quiet
fi
if [ ! -d "$work/data" ]; then
  echo "== loading it into $work/data"
  ./credgraph load --data "$work/data" --quiet "$work/city"
fi
if [ ! -s "$work/persons.txt" ]; then
  zcat -f "$work"/city/*.jsonl* | grep '"type":"subject"' | grep '"kind":"PERSON"' \
    | sed -n 's/.*"idNumber":"\([0-9X]*\)".*/\1/p' | awk -v mode=resident -f "$bench/valid-keys.awk" \
    | awk 'NR <= 200000' > "$work/persons.txt"
  zcat -f "$work"/city/*.jsonl* | grep '"type":"subject"' | grep '"kind":"ENTERPRISE"' \
    | sed -n 's/.*"uscc":"\([0-9A-Z]*\)".*/\1/p' | awk -v mode=uscc -f "$bench/valid-keys.awk" \
    | awk 'NR <= 200000' > "$work/enterprises.txt"
fi
# the batches loaded during the soak: a second, small city (its own seed), one file at a time
if [ ! -d "$work/extra" ]; then
  ./credgraph generate --enterprises 2000 --seed 7 --out "$work/extra" --quiet
fi
mapfile -t extra < <(ls "$work"/extra/*.jsonl* | sort)

key="soak-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT
rm -rf "$work/soak-data" && cp -rL "$work/data" "$work/soak-data"   # -L: data/ may be a link to another bench's
# the audit chain is keyed (HMAC); the key of a benchmark run lives beside the data directory, never inside it
[ -s "$work/audit.key" ] || { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/audit.key"; }
CREDGRAPH_API_KEYS="soak:$key:ADMIN" java ${CREDGRAPH_JAVA_OPTS:--Xmx4g -XX:+UseZGC} \
  -XX:NativeMemoryTracking=summary -jar api/target/credgraph.jar serve --port "$port" --data "$work/soak-data" --audit-key-file "$work/audit.key" --rate-key 0 \
  --alert-distinct-persons 0 > "$work/soak-serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "soak: no server, see $work/soak-serve.log" >&2; exit 1; }
base="http://127.0.0.1:$port"
auth=(-H "Authorization: Bearer $key")

investigate() { # a few investigation reads on random enterprises, for a minute
  local end=$((SECONDS + 55))
  while [ $SECONDS -lt $end ]; do
    local u; u=$(shuf -n 1 "$work/enterprises.txt")
    local id; id=$(curl -fs "${auth[@]}" "$base/api/v1/subjects?q=$u" | sed -n 's/.*"id":"\(s[^"]*\)".*/\1/p' | head -1)
    if [ -n "$id" ]; then
      curl -fs -o /dev/null "${auth[@]}" "$base/api/v1/subjects/$id" || true
      curl -fs -o /dev/null "${auth[@]}" "$base/api/v1/subjects/$id/graph?depth=2" || true
      curl -fs -o /dev/null "${auth[@]}" "$base/api/v1/subjects/$id/controllers" || true
    fi
    curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' \
      -d "{\"q\":\"$(shuf -n 1 "$work/persons.txt")\"}" "$base/api/v1/subjects/search" || true
  done
}

heap() { # used and committed heap, MB
  curl -fs "${auth[@]}" "$base/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {u += $NF}
    /^jvm_memory_committed_bytes\{.*area="heap"/ {c += $NF} END {printf "%d,%d", u / 1048576, c / 1048576}'
}
rss_parts() { # RSS, anonymous, file-backed, shared, MB
  awk '/^(VmRSS|RssAnon|RssFile|RssShmem):/ {v[$1] = int($2 / 1024)}
    END {printf "%d,%d,%d,%d", v["VmRSS:"], v["RssAnon:"], v["RssFile:"], v["RssShmem:"]}' "/proc/$pid/status"
}
nmt() { # native memory the JVM committed, total and Other, MB
  jcmd "$pid" VM.native_memory summary scale=MB 2>/dev/null | awk '/^Total:/ {sub(/.*committed=/, ""); t = int($0)}
    /^-  *Other \(/ {sub(/.*committed=/, ""); o = int($0)} END {printf "%d,%d", t, o}'
}

csv="$work/soak.csv"
echo "minute,heap_mb,heap_committed_mb,rss_mb,rss_anon_mb,rss_file_mb,rss_shmem_mb,nmt_committed_mb,nmt_other_mb,open_files,appointment_p99_ms,sanctions_p99_ms,checks_per_s,batch" > "$csv"
echo "== soak: $minutes minutes on $(nproc) cores, $(java -version 2>&1 | head -1); $csv"
for minute in $(seq 1 "$minutes"); do
  batch="-"
  if [ $((minute % 5)) -eq 0 ] && [ ${#extra[@]} -gt 0 ]; then
    f="${extra[$(( (minute / 5 - 1) % ${#extra[@]} ))]}"
    batch=$(basename "$f")
    curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/x-ndjson' --data-binary "@$f" \
      "$base/api/v1/batches?name=$batch" &
  fi
  investigate &
  inv=$!
  CREDGRAPH_KEY="$key" CREDGRAPH_DISTINCT=0 CREDGRAPH_PERSONS="$work/persons.txt" \
    wrk --latency -t1 -c"$connections" -d55s -s "$bench/appointment.lua" "$base" > "$work/soak-a.txt" 2>/dev/null &
  wa=$!
  s=$(CREDGRAPH_KEY="$key" CREDGRAPH_DISTINCT=0 CREDGRAPH_ENTERPRISES="$work/enterprises.txt" \
    wrk --latency -t1 -c"$connections" -d55s -s "$bench/sanctions.lua" "$base" 2>/dev/null)
  wait "$wa" || true
  wait "$inv" 2>/dev/null || true
  a=$(cat "$work/soak-a.txt")
  p99() { echo "$1" | awk '$1 == "99%" { v = $2; if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; print v }'; }
  rps=$(echo "$s" | awk '/Requests\/sec/ {print int($2)}')
  fds=$(ls "/proc/$pid/fd" | wc -l)
  line="$minute,$(heap),$(rss_parts),$(nmt),$fds,$(p99 "$a"),$(p99 "$s"),$rps,$batch"
  echo "$line" | tee -a "$csv"
done
echo "== done: $csv"
