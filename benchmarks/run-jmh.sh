#!/usr/bin/env bash
# Runs the JMH micro-benchmarks with a short profile; extra arguments go to JMH (e.g. a benchmark name regex, or
# -prof gc). Results: benchmarks/target/jmh-result.txt.
#   benchmarks/run-jmh.sh                      # every benchmark, short profile
#   benchmarks/run-jmh.sh TokenMinting -prof gc
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	./mvnw -o -B -q -pl benchmarks -am package -DskipTests
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5 -w 1s -r 1s -rf text -rff benchmarks/target/jmh-result.txt "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
