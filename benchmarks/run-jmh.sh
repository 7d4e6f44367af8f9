#!/usr/bin/env bash
# Runs the JMH micro-benchmarks with a short profile; extra arguments go to JMH (e.g. a benchmark name regex, or
# -prof gc); JMH_PROFILE replaces the profile. Results: benchmarks/target/jmh-result.txt.
#   benchmarks/run-jmh.sh                      # every benchmark, short profile
#   benchmarks/run-jmh.sh TokenMinting -prof gc
#   JMH_PROFILE="-f 1 -wi 10 -i 5 -w 1s -r 1s" benchmarks/run-jmh.sh RestRequest
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	./mvnw -o -B -q -pl benchmarks -am package -DskipTests
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r -a profile <<<"${JMH_PROFILE:--f 1 -wi 3 -i 5 -w 1s -r 1s}"
java -jar benchmarks/target/benchmarks.jar "${profile[@]}" -rf text -rff benchmarks/target/jmh-result.txt "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
