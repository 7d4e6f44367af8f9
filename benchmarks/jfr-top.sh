#!/usr/bin/env bash
# Summarises the CPU samples of a JFR recording: the methods that are on top of the stack most often (self) and
# the methods that are on the stack most often (total), optionally only those whose name contains FILTER.
#   benchmarks/jfr-top.sh recording.jfr [FILTER] [ROWS]
# Record with: java -XX:StartFlightRecording=filename=recording.jfr,settings=profile ...
set -euo pipefail
file=$1 filter=${2:-} rows=${3:-25}
summary=$(jfr print --events jdk.ExecutionSample --stack-depth 96 "$file" | awk '
	/stackTrace = \[/ { inStack = 1; first = 1; split("", seen); samples++; next }
	inStack && /^[[:space:]]*\]/ { inStack = 0; next }
	inStack {
		frame = $1
		sub(/\(.*/, "", frame)
		if (frame == "" || frame == "...") next
		if (first) { self[frame]++; first = 0 }
		if (!(frame in seen)) { seen[frame] = 1; total[frame]++ }
	}
	END {
		printf "samples %d\n", samples
		for (f in self) printf "self %.1f %s\n", 100 * self[f] / samples, f
		for (f in total) printf "total %.1f %s\n", 100 * total[f] / samples, f
	}')
echo "$(grep '^samples' <<<"$summary" | cut -d' ' -f2) samples"
for kind in self total; do
	echo "-- $kind"
	grep "^$kind " <<<"$summary" | grep -F -- "$filter" | sort -k2,2 -rn | head -n "$rows" |
		awk '{ printf "%6.1f%%  %s\n", $2, $3 }' || true
done
