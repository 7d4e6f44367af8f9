#!/usr/bin/env bash
# Broadcast fan-out: the raw Reactor Netty baseline and the emulator, one after the other, with the same client
# driver and the same N. Each server and the clients run in their own JVM. Loopback only; every process this
# script starts is stopped on exit. Usage (from the repository root, after building the emulator's jar):
#   benchmarks/emulator-fanout/run.sh [connections=10000] [messages=50] [emulator protocols=simple]
# FANOUT_JFR=<dir> records the emulator with JDK Flight Recorder into <dir>/emulator-<protocol>.jfr.
set -euo pipefail

CONNECTIONS=${1:-10000}
MESSAGES=${2:-50}
PROTOCOLS=${3:-simple}
HERE=$(cd "$(dirname "$0")" && pwd)
# EMULATOR_JAR=<jar> runs another build of the emulator, e.g. one from before a change.
JAR=${EMULATOR_JAR:-$(ls webpubsub-emulator/target/webpubsub-emulator-*-SNAPSHOT.jar 2>/dev/null | grep -v -- -library | head -1)}
if [[ -z "$JAR" ]]; then
	echo "Build the emulator first: ./mvnw -pl webpubsub-emulator -am package -DskipTests" >&2
	exit 2
fi
SERVER_OPTS=(-Xms512m -Xmx1g)
CLIENT_OPTS=(-Xms512m -Xmx1g)
STEP_TIMEOUT=400

# One descriptor per connection and process, plus some for the JVM: raise the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)"
if (( CONNECTIONS + 500 > $(ulimit -n) )); then
	echo "Open-file limit $(ulimit -n) is too low for $CONNECTIONS connections" >&2
	exit 2
fi

WORK=$(mktemp -d)
SERVER_PID=""
CLIENTS_PID=""
stop_clients() {
	if [[ -n "$CLIENTS_PID" ]]; then
		kill "$CLIENTS_PID" 2>/dev/null || true
		wait "$CLIENTS_PID" 2>/dev/null || true
		CLIENTS_PID=""
	fi
}
stop_server() {
	if [[ -n "$SERVER_PID" ]]; then
		kill "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
		SERVER_PID=""
	fi
}
trap 'stop_clients; stop_server; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# Starts a server in the background and waits up to 60 s for the line that carries its port.
start_server() {
	local log=$1 pattern=$2
	shift 2
	timeout "$STEP_TIMEOUT" "$@" >"$log" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1 600); do
		PORT=$(sed -n "s/$pattern/\1/p" "$log" | head -1)
		if [[ -n "$PORT" ]]; then
			return 0
		fi
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			break
		fi
		sleep 0.1
	done
	cat "$log" >&2
	echo "Server did not start" >&2
	exit 1
}

# Runs the clients in the background so that a signal to this script stops them at once (via the trap).
clients() {
	local pid
	pid=$(pgrep -P "$SERVER_PID" java | head -1)
	timeout "$STEP_TIMEOUT" java "${CLIENT_OPTS[@]}" -Dfanout.serverPid="$pid" -cp "$JAR" "$HERE/FanoutDriver.java" \
		clients "$@" >"$WORK/clients.log" 2>&1 &
	CLIENTS_PID=$!
	wait "$CLIENTS_PID" || true
	CLIENTS_PID=""
	tee -a "$WORK/results" <"$WORK/clients.log"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')  nproc: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "connections=$CONNECTIONS messages=$MESSAGES open-file limit=$(ulimit -n)"

start_server "$WORK/baseline.log" '^READY port=\([0-9]*\)$' \
	java "${SERVER_OPTS[@]}" -cp "$JAR" "$HERE/FanoutDriver.java" baseline-server
clients baseline "$PORT" "$CONNECTIONS" "$MESSAGES"
stop_server

for protocol in $PROTOCOLS; do
	jfr=()
	if [[ -n "${FANOUT_JFR:-}" ]]; then
		jfr=("-XX:StartFlightRecording=filename=$FANOUT_JFR/emulator-$protocol.jfr,settings=profile,dumponexit=true")
	fi
	start_server "$WORK/emulator.log" '^Connection string: Endpoint=http:\/\/127.0.0.1:\([0-9]*\);.*' \
		java "${SERVER_OPTS[@]}" "${jfr[@]}" -jar "$JAR" --host 127.0.0.1 --port 0
	clients emulator "$PORT" "$CONNECTIONS" "$MESSAGES" "$protocol"
	stop_server
done

# Ratios to the baseline: deliveries per second, and server CPU time per delivery (lower is better).
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }
baseline=$(grep '^RESULT raw' "$WORK/results" || true)
while read -r line; do
	if [[ -n "$baseline" && -n "$line" ]]; then
		printf '%s: %.2f x baseline deliveries/s, %.2f x baseline server CPU per delivery\n' \
			"$(cut -d' ' -f2-3 <<<"$line")" \
			"$(echo "$(field rate "$line") / $(field rate "$baseline")" | bc -l)" \
			"$(echo "$(field server-cpu-us-per-delivery "$line") / $(field server-cpu-us-per-delivery "$baseline")" | bc -l)"
	fi
done < <(grep '^RESULT emulator' "$WORK/results" || true)
