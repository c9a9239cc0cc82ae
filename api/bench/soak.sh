#!/usr/bin/env bash
# The soak run of BENCHMARKS.md (not in CI): the synthetic city (100k enterprises by default) on the embedded store,
# served, under mixed load for DURATION minutes: appointment and sanctions checks (wrk), investigation reads (graph,
# controllers, search, profiles) and a batch load every few minutes. Each minute it records the server's heap (from
# /metrics), RSS and open files (from /proc) and the checks' p99 of that minute, in $BENCH_DIR/soak.csv; flat
# columns mean no leak of memory, files or latency. What the RSS is made of is recorded too: the heap the JVM has
# committed, the anonymous, file-backed and shared parts of the RSS (/proc; ZGC's heap is shared memory), and the
# JVM's own count of the native memory it committed (Native Memory Tracking: its total and its "Other" category).
# So that a slow minute can be matched to what the server did in it, a probe sends one appointment check every
# 200 ms and records when it was sent, its status and how long it took ($BENCH_DIR/soak-probe.csv; the minute's
# slowest probe and the count over 100 ms are columns of soak.csv), the server writes a GC log with wall-clock times
# ($BENCH_DIR/soak-gc.log) and logs every request slower than 100 ms ($BENCH_DIR/soak-serve.log). Since every check
# waits for the audit log's fsync, the disk's minute is recorded too (/proc/diskstats of the device under
# $BENCH_DIR): MB written, % of the minute busy, and the mean time of a write and of a cache flush (an fsync).
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

# each kind of request with the key of the user who sends it: appointment checks with a registry clerk's key,
# sanctions checks with a department's (whose checks that find measures are remembered for its feedback), the rest
# (investigation, batches, metrics) with an ADMIN key
key="soak-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
registry_key="soak-registry-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
department_key="soak-department-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
pid=""
probe_pid=""
stop() {
  if [ -n "$probe_pid" ]; then kill "$probe_pid" 2>/dev/null || true; wait "$probe_pid" 2>/dev/null || true; probe_pid=""; fi
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
trap stop EXIT
rm -rf "$work/soak-data" && cp -rL "$work/data" "$work/soak-data"   # -L: data/ may be a link to another bench's
sync   # the copy's writeback must not overlap the measured minutes
# the audit chain is keyed (HMAC); the key of a benchmark run lives beside the data directory, never inside it
[ -s "$work/audit.key" ] || { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/audit.key"; }
rm -f "$work"/soak-gc.log*
CREDGRAPH_API_KEYS="soak:$key:ADMIN,registry:$registry_key:REGISTRY,department:$department_key:DEPARTMENT:MARKET_REGULATION" java ${CREDGRAPH_JAVA_OPTS:--Xmx4g -XX:+UseZGC} \
  -Xlog:gc*,safepoint:file="$work/soak-gc.log":time,uptime,level,tags:filecount=4,filesize=256m \
  -XX:NativeMemoryTracking=summary -jar api/target/credgraph.jar serve --port "$port" --data "$work/soak-data" --audit-key-file "$work/audit.key" --rate-key 0 \
  --alert-distinct-persons 0 --slow-request-ms 100 > "$work/soak-serve.log" 2>&1 &
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

probe() { # one appointment check every 200 ms: epoch ms when sent, status, ms it took
  mapfile -t people < <(shuf -n 2000 "$work/persons.txt")
  local i=0
  while :; do
    local t; t=$(date +%s%3N)
    local r; r=$(curl -s -o /dev/null -w '%{http_code},%{time_total}' -H "Authorization: Bearer $registry_key" -H 'Content-Type: application/json' \
      -d "{\"person\":{\"idNumber\":\"${people[$((i % ${#people[@]}))]}\"},\"role\":\"DIRECTOR\",\"asOf\":\"2026-11-27\"}" \
      "$base/api/v1/checks/appointment" || true)
    echo "$t,${r%%,*},$(awk -v s="${r##*,}" 'BEGIN {printf "%.1f", s * 1000}')" >> "$work/soak-probe.csv"
    i=$((i + 1))
    sleep 0.2
  done
}
probe_stats() { # the slowest probe since epoch ms $1, and how many took over 100 ms
  awk -F, -v since="$1" 'NR > 1 && $1 >= since {n++; if ($3 > m) m = $3; if ($3 > 100) slow++}
    END {printf "%.1f,%d", m, slow}' "$work/soak-probe.csv"
}

dev=$(lsblk -no PKNAME "$(df --output=source "$work" | tail -1)" 2>/dev/null || true)
[ -n "$dev" ] || dev=$(basename "$(df --output=source "$work" | tail -1)")
disk_now() { awk -v d="$dev" '$3 == d {print $8, $10, $11, $13, $19, $20}' /proc/diskstats; }
disk_stats() { # since the sample $1..$6: MB written, % busy, ms per write, ms per flush
  local now; now=$(disk_now)
  awk -v a="$1" -v b="$now" -v ms="$2" 'BEGIN { split(a, x, " "); split(b, y, " ");
    w = y[1] - x[1]; f = y[5] - x[5];
    printf "%d,%.0f,%.2f,%.2f", (y[2] - x[2]) * 512 / 1048576, (y[4] - x[4]) * 100 / ms,
      (w > 0 ? (y[3] - x[3]) / w : 0), (f > 0 ? (y[6] - x[6]) / f : 0) }'
}

csv="$work/soak.csv"
echo "minute,heap_mb,heap_committed_mb,rss_mb,rss_anon_mb,rss_file_mb,rss_shmem_mb,nmt_committed_mb,nmt_other_mb,open_files,appointment_p99_ms,sanctions_p99_ms,checks_per_s,probe_max_ms,probes_over_100ms,disk_write_mb,disk_busy_pct,write_ms,flush_ms,batch" > "$csv"
echo "sent_ms,status,ms" > "$work/soak-probe.csv"
probe &
probe_pid=$!
echo "== soak: $minutes minutes on $(nproc) cores, $(java -version 2>&1 | head -1); $csv"
for minute in $(seq 1 "$minutes"); do
  minute_start=$(date +%s%3N)
  disk_start=$(disk_now)
  batch="-"
  if [ $((minute % 5)) -eq 0 ] && [ ${#extra[@]} -gt 0 ]; then
    f="${extra[$(( (minute / 5 - 1) % ${#extra[@]} ))]}"
    batch=$(basename "$f")
    curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/x-ndjson' --data-binary "@$f" \
      "$base/api/v1/batches?name=$batch" &
  fi
  investigate &
  inv=$!
  CREDGRAPH_KEY="$registry_key" CREDGRAPH_DISTINCT=0 CREDGRAPH_PERSONS="$work/persons.txt" \
    wrk --latency -t1 -c"$connections" -d55s -s "$bench/appointment.lua" "$base" > "$work/soak-a.txt" 2>/dev/null &
  wa=$!
  s=$(CREDGRAPH_KEY="$department_key" CREDGRAPH_DISTINCT=0 CREDGRAPH_ENTERPRISES="$work/enterprises.txt" \
    wrk --latency -t1 -c"$connections" -d55s -s "$bench/sanctions.lua" "$base" 2>/dev/null)
  wait "$wa" || true
  wait "$inv" 2>/dev/null || true
  a=$(cat "$work/soak-a.txt")
  p99() { echo "$1" | awk '$1 == "99%" { v = $2; if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; print v }'; }
  rps=$(echo "$s" | awk '/Requests\/sec/ {print int($2)}')
  fds=$(ls "/proc/$pid/fd" | wc -l)
  line="$minute,$(heap),$(rss_parts),$(nmt),$fds,$(p99 "$a"),$(p99 "$s"),$rps,$(probe_stats "$minute_start"),$(disk_stats "$disk_start" $(( $(date +%s%3N) - minute_start ))),$batch"
  echo "$line" | tee -a "$csv"
done
echo "== done: $csv"
