#!/bin/sh
# Runs ApiLoad several times with the same options and prints the median of each measured line
# (throughput, p50, p99), plus the median warm startup. The machine is shared and noisy: one run
# proves little.
#
#   benchmarks/scripts/api-load.sh 3 client=wrk scenarios=availability
#
# Outputs of the single runs stay in $OUT (default: a new temporary directory); with 0 runs it
# only summarizes the run-*.txt already in $OUT.
set -eu
runs=$1
shift
cd "$(dirname "$0")/../.."
OUT=${OUT:-$(mktemp -d -t api-load.XXXXXX)}
i=1
while [ "$i" -le "$runs" ]; do
  echo "run $i of $runs: java -cp benchmarks/target/benchmarks.jar org.opentermin.benchmarks.ApiLoad $*" >&2
  java -cp benchmarks/target/benchmarks.jar org.opentermin.benchmarks.ApiLoad "$@" > "$OUT/run-$i.txt" 2>&1 || echo "run $i exited with $?" >&2
  i=$((i + 1))
done
echo "outputs: $OUT"
cat "$OUT"/run-*.txt | awk '
  function median(list,   n, values, i, j, swap) {
    n = split(list, values, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] + 0 < values[i] + 0) { swap = values[i]; values[i] = values[j]; values[j] = swap }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  /^(availability|booking) / {
    key = substr($0, 1, index($0, ":") - 1)
    if (!(key in seen)) { seen[key] = 1; order[++keys] = key }
    if (match($0, /: [0-9.]+ (req|bookings)\/s/)) { split(substr($0, RSTART + 2, RLENGTH - 2), t, " "); rate[key] = rate[key] " " t[1]; unit[key] = t[2] }
    if (match($0, /p50 [0-9.]+/)) p50[key] = p50[key] " " substr($0, RSTART + 4, RLENGTH - 4)
    if (match($0, /p99 [0-9.]+/)) p99[key] = p99[key] " " substr($0, RSTART + 4, RLENGTH - 4)
    count[key]++
  }
  /^startup with a warm data directory: [0-9]+ ms/ { startups = startups " " $7 }
  END {
    for (k = 1; k <= keys; k++) {
      key = order[k]
      printf "%s: median of %d runs: %s %s, p50 %s ms, p99 %s ms\n", key, count[key], median(rate[key]), unit[key], median(p50[key]), median(p99[key])
    }
    if (startups != "") printf "startup with a warm data directory: median %s ms of%s\n", median(startups), startups
  }'
