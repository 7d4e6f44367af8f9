#!/usr/bin/env bash
# Load drivers, loopback only, each bounded in time; every process started here is stopped on exit.
#   benchmarks/run-load.sh                       # webhook, template, startup and fanout, in that order
#   benchmarks/run-load.sh webhook fanout        # some of them
#   SMOKE=1 benchmarks/run-load.sh               # a few seconds each, to check that everything runs
# Settings (environment): WARMUP and DURATION (seconds per wrk/template run), WRK_CONNECTIONS, WRK_THREADS,
# WEBHOOK_STACKS ("servlet reactive"), WEBHOOK_PEER (1 runs the Node peer), TEMPLATE_ROUNDS (3),
# STARTUP_RUNS, FANOUT_CONNECTIONS, FANOUT_BROADCASTS, JAVA_OPTS (the same for every JVM measured); PROFILE=1
# records each webhook app, template client and fan-out server with JFR (summarise with benchmarks/jfr-top.sh).
# Summary: benchmarks/target/load/summary.txt; logs of every process beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SMOKE:-0}" == 1 ]]; then
	WARMUP=${WARMUP:-2} DURATION=${DURATION:-3} STARTUP_RUNS=${STARTUP_RUNS:-1}
	FANOUT_CONNECTIONS=${FANOUT_CONNECTIONS:-200} FANOUT_BROADCASTS=${FANOUT_BROADCASTS:-20} TEMPLATE_ROUNDS=${TEMPLATE_ROUNDS:-1}
fi
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-20}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-64}
WEBHOOK_STACKS=${WEBHOOK_STACKS:-servlet reactive}
WEBHOOK_PEER=${WEBHOOK_PEER:-1}
TEMPLATE_ROUNDS=${TEMPLATE_ROUNDS:-3}
WRK_THREADS=${WRK_THREADS:-1}
STARTUP_RUNS=${STARTUP_RUNS:-10}
FANOUT_CONNECTIONS=${FANOUT_CONNECTIONS:-10000}
FANOUT_BROADCASTS=${FANOUT_BROADCASTS:-100}
FANOUT_WINDOW=${FANOUT_WINDOW:-4}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}
read -r -a JVM_FLAGS <<<"$JAVA_OPTS"

ACCESS_KEY=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH
SERVICE_HOST=bench.webpubsub.azure.com
CONNECTION_STRING="Endpoint=https://$SERVICE_HOST;AccessKey=$ACCESS_KEY;Version=1.0;"
OUT=benchmarks/target/load
mkdir -p "$OUT"
SUMMARY=$OUT/summary.txt

PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() {
	echo "$*" | tee -a "$SUMMARY"
}

# start NAME COMMAND...: runs a server in the background, its output in $OUT/NAME.log; sets SERVER_PID.
start() {
	local name=$1
	shift
	"$@" >"$OUT/$name.log" 2>&1 &
	SERVER_PID=$!
	PIDS+=("$SERVER_PID")
}

stop() {
	kill "$SERVER_PID" 2>/dev/null || true
	wait "$SERVER_PID" 2>/dev/null || true
}

wait_for_port() {
	local port=$1
	for _ in $(seq 1 600); do
		if (: >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			return 0
		fi
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			echo "server on port $port died; see $OUT" >&2
			return 1
		fi
		sleep 0.1
	done
	echo "nothing listens on port $port after 60 s" >&2
	return 1
}

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# median VALUES...: the median of the non-empty values.
median() {
	printf '%s\n' "$@" | grep . | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else print v[int((NR + 1) / 2)] }'
}

build() {
	local modules=benchmarks
	if [[ -d webpubsub-emulator ]]; then
		modules=webpubsub-emulator,benchmarks
	fi
	if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
		./mvnw -o -B -q -pl "$modules" -am package -DskipTests
	fi
	CLASSPATH_BENCH="benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"
}

# jfr NAME: the JVM flag that records NAME.jfr when PROFILE=1.
jfr() {
	if [[ "${PROFILE:-0}" == 1 ]]; then
		echo "-XX:StartFlightRecording=filename=$OUT/$1.jfr,settings=profile"
	else
		echo "-Dbench.profile=off"
	fi
}

# --- (a) webhook: wrk against the starter, the bare endpoint and the Node peer ---------------------------------

wrk_run() {
	local label=$1 url=$2
	BENCH_CONNECTION_ID=bench-connection-1 BENCH_ORIGIN=$SERVICE_HOST BENCH_SIGNATURE=$SIGNATURE \
		wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WARMUP}s" -s benchmarks/webhook.lua "$url" >/dev/null
	BENCH_CONNECTION_ID=bench-connection-1 BENCH_ORIGIN=$SERVICE_HOST BENCH_SIGNATURE=$SIGNATURE \
		wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${DURATION}s" --latency -s benchmarks/webhook.lua "$url" \
		>"$OUT/wrk-$label.txt"
	local rps p99 errors
	rps=$(awk '/^Requests\/sec:/ { print $2 }' "$OUT/wrk-$label.txt")
	p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' "$OUT/wrk-$label.txt")
	errors=$(awk '/Non-2xx|Socket errors/ { $1 = $1; printf "%s; ", $0 }' "$OUT/wrk-$label.txt")
	log "webhook $label requests-per-s=$rps p99-ms=$p99 ${errors:+errors: $errors}"
}

# Checks that the endpoint echoes a signed user event before it is measured.
check_echo() {
	local url=$1 body
	body=$(curl -s -X POST "$url" -H 'Content-Type: text/plain; charset=utf-8' -H 'ce-specversion: 1.0' \
		-H 'ce-awpsversion: 1.0' -H 'ce-type: azure.webpubsub.user.message' \
		-H 'ce-source: /hubs/bench/client/bench-connection-1' -H 'ce-id: 1' -H 'ce-hub: bench' \
		-H 'ce-connectionId: bench-connection-1' -H 'ce-eventName: message' -H 'ce-userId: user-42' \
		-H "ce-signature: $SIGNATURE" -H "WebHook-Request-Origin: $SERVICE_HOST" --data 'echo check' \
		-w ' %{http_code}' || true)
	[[ "$body" == "echo check 200" ]] || {
		echo "unexpected answer from $url: $body" >&2
		return 1
	}
}

webhook_java() {
	local variant=$1 stack=$2 port
	port=$(free_port)
	start "webhook-$variant-$stack" java "${JVM_FLAGS[@]}" "$(jfr "webhook-$variant-$stack")" -cp "$CLASSPATH_BENCH" \
		dev.webpubsub.benchmarks.apps.WebhookBenchmarkApplication --server.port="$port" \
		--bench.variant="$variant" --spring.main.web-application-type="$stack" \
		"--WebPubSubConnectionString=$CONNECTION_STRING" --WebPubSubHub=bench
	if wait_for_port "$port" && check_echo "http://127.0.0.1:$port/eventhandler"; then
		wrk_run "$variant-$stack" "http://127.0.0.1:$port/eventhandler"
	else
		log "webhook $variant-$stack FAILED (echo check, see $OUT/webhook-$variant-$stack.log)"
	fi
	stop
}

webhook_node() {
	local port
	if [[ ! -d benchmarks/node/node_modules ]]; then
		(cd benchmarks/node && npm ci --no-audit --no-fund >/dev/null)
	fi
	port=$(free_port)
	start webhook-node node benchmarks/node/webhook.js "$port"
	if wait_for_port "$port" && check_echo "http://127.0.0.1:$port/eventhandler"; then
		wrk_run "express-node" "http://127.0.0.1:$port/eventhandler"
	else
		log "webhook express-node FAILED (echo check)"
	fi
	stop
}

run_webhook() {
	command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
	SIGNATURE="sha256=$(printf '%s' bench-connection-1 | openssl dgst -sha256 -hmac "$ACCESS_KEY" | awk '{ print $NF }')"
	log "# webhook: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS, ${WARMUP}s warm-up + ${DURATION}s measured, JAVA_OPTS=$JAVA_OPTS"
	for stack in $WEBHOOK_STACKS; do
		webhook_java starter "$stack"
		webhook_java bare "$stack"
	done
	if [[ "$WEBHOOK_PEER" == 1 ]]; then
		webhook_node
	fi
}

# --- (b) template: sendToAll with 64 in flight against a loopback stub answering 202 -----------------------------

run_template() {
	local port round variant rps
	local -a order=(starter sdk raw)
	local -A runs=()
	log "# template: 64 in flight, ${WARMUP}s warm-up + ${DURATION}s measured, one JVM per client, $TEMPLATE_ROUNDS rounds in rotating order, median"
	port=$(free_port)
	start stub java -Xms256m -Xmx256m -cp "$CLASSPATH_BENCH" dev.webpubsub.benchmarks.load.LoopbackStub "$port"
	wait_for_port "$port" || { log "template FAILED: the stub did not start"; stop; return; }
	for ((round = 0; round < TEMPLATE_ROUNDS; round++)); do
		# Rotating the order keeps any drift of the shared stub and cores from favouring one variant.
		for variant in "${order[@]:round % 3}" "${order[@]:0:round % 3}"; do
			java "${JVM_FLAGS[@]}" "$(jfr "template-$variant")" -cp "$CLASSPATH_BENCH" \
				dev.webpubsub.benchmarks.load.TemplateLoad "$variant" "$port" "$WARMUP" "$DURATION" \
				>"$OUT/template-$variant.log" 2>&1 || true
			log "$(grep '^bench.template' "$OUT/template-$variant.log" || echo "bench.template variant=$variant FAILED (see $OUT/template-$variant.log)")"
			rps=$(sed -n 's/^bench.template.*requests-per-s=\([0-9]*\).*/\1/p' "$OUT/template-$variant.log")
			runs[$variant]+=" ${rps:-0}"
		done
	done
	for variant in "${order[@]}"; do
		log "template $variant median-requests-per-s=$(median ${runs[$variant]}) runs=${runs[$variant]}"
	done
	stop
}

# --- (c) start-up: the app with and without the starter's auto-configurations; the embedded emulator ------------

# app_once ARGS...: milliseconds from JVM start to ApplicationReadyEvent of the webhook app, and the CPU time of
# its main thread until then, as WALL:CPU.
app_once() {
	timeout 120 java "${JVM_FLAGS[@]}" -cp "$CLASSPATH_BENCH" dev.webpubsub.benchmarks.apps.WebhookBenchmarkApplication \
		--server.port=0 --bench.exit-on-ready=true --WebPubSubHub=bench --bench.variant=starter "$@" \
		2>>"$OUT/startup.log" | sed -n 's/^bench.startup-ms=\([0-9]*\).*main-cpu-ms=\([0-9]*\).*/\1:\2/p'
}

# sample_once ARGS...: Boot's "process running for" of the sample app's jar, in milliseconds.
sample_once() {
	local jar
	jar=$(ls sample-app/target/sample-app-*.jar | head -1)
	start sample java "${JVM_FLAGS[@]}" -jar "$jar" --server.port=0 "$@"
	for _ in $(seq 1 600); do
		grep -q 'process running for\|APPLICATION FAILED' "$OUT/sample.log" && break
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
	done
	sed -n 's/.*process running for \([0-9.]*\)).*/\1/p' "$OUT/sample.log" | awk '{ printf "%d", $1 * 1000 }'
	stop
}

# emulator_start LABEL CLASSPATH: the first WebPubSubEmulator.start() in fresh JVMs (median), and warm restarts.
emulator_start() {
	local label=$1 classpath=$2 cold=() warm=()
	for _ in $(seq 1 "$STARTUP_RUNS"); do
		java "${JVM_FLAGS[@]}" -cp "$classpath" dev.webpubsub.benchmarks.load.EmulatorStartup 5 >"$OUT/emulator-startup.log" 2>&1 || true
		cold+=("$(sed -n 's/.*cold-ms=\([0-9.]*\).*/\1/p' "$OUT/emulator-startup.log")")
		warm+=("$(sed -n 's/.*warm-median-ms=\([0-9.]*\).*/\1/p' "$OUT/emulator-startup.log")")
	done
	log "emulator-start $label cold-median-ms=$(median "${cold[@]}") warm-median-ms=$(median "${warm[@]}") cold-runs-ms=${cold[*]}"
}

# The variants run interleaved (one of each per round), so that drift in the machine's load hits them alike.
run_startup() {
	local jar_ok=0 round label
	declare -A runs=()
	log "# startup: JVM start to ready, $STARTUP_RUNS rounds, variants interleaved, median; webhook app runs as wall:main-thread-CPU ms"
	if [[ -d sample-app ]] && ./mvnw -o -B -q -pl sample-app -am package -DskipTests >"$OUT/sample-build.log" 2>&1; then
		jar_ok=1
	fi
	for round in $(seq 1 "$STARTUP_RUNS"); do
		for stack in servlet reactive; do
			runs[$stack-with-starter]+=" $(app_once --spring.main.web-application-type="$stack" "--WebPubSubConnectionString=$CONNECTION_STRING")"
			runs[$stack-starter-excluded]+=" $(app_once --spring.main.web-application-type="$stack" --bench.starter=false "--WebPubSubConnectionString=$CONNECTION_STRING")"
		done
		runs[servlet-embedded-emulator]+=" $(app_once --spring.main.web-application-type=servlet)"
		if [[ $jar_ok == 1 ]]; then
			runs[sample-connection-string]+=" $(sample_once "--WebPubSubConnectionString=$CONNECTION_STRING")"
			runs[sample-embedded-emulator]+=" $(sample_once)"
		fi
		echo "startup round $round of $STARTUP_RUNS done"
	done
	for label in servlet-with-starter servlet-starter-excluded reactive-with-starter reactive-starter-excluded \
		servlet-embedded-emulator sample-connection-string sample-embedded-emulator; do
		[[ -n "${runs[$label]:-}" ]] || continue
		local cpu=""
		if [[ "${runs[$label]}" == *:* ]]; then
			# The main thread's CPU time: steadier than wall time when JIT and GC threads share two cores.
			cpu=" main-cpu-median-ms=$(median $(printf '%s\n' ${runs[$label]} | cut -d: -f2))"
		fi
		log "startup $label median-ms=$(median $(printf '%s\n' ${runs[$label]} | cut -d: -f1))$cpu runs-ms=${runs[$label]}"
	done
	emulator_start app-classpath "$CLASSPATH_BENCH"
	emulator_start emulator-jar-only "benchmarks/target/classes:$(ls webpubsub-emulator/target/webpubsub-emulator-*.jar | grep -v -- -library)"
}

# --- (d) fan-out: N WebSocket clients, broadcasts through the REST API, emulator vs raw Reactor Netty ------------

run_fanout() {
	local port
	ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
	log "# fanout: $FANOUT_CONNECTIONS WebSocket clients, $FANOUT_BROADCASTS broadcasts, at most $FANOUT_WINDOW undelivered, ulimit -n $(ulimit -n)"
	for server in emulator raw-reactor-netty; do
		port=$(free_port)
		if [[ $server == emulator ]]; then
			start fanout-emulator java -Xms1g -Xmx1g "$(jfr fanout-emulator)" -cp "$CLASSPATH_BENCH" dev.webpubsub.emulator.EmulatorCommand \
				--port "$port" --access-key "$ACCESS_KEY"
		else
			start fanout-raw java -Xms1g -Xmx1g "$(jfr fanout-raw)" -cp "$CLASSPATH_BENCH" dev.webpubsub.benchmarks.load.BroadcastServer "$port"
		fi
		if wait_for_port "$port"; then
			java -Xms1g -Xmx1g -cp "$CLASSPATH_BENCH" dev.webpubsub.benchmarks.load.FanOutLoad "$server" "$port" \
				"$FANOUT_CONNECTIONS" "$FANOUT_BROADCASTS" "$FANOUT_WINDOW" 300 >"$OUT/fanout-$server-driver.log" 2>&1 || true
		fi
		log "$(grep -s '^bench.fanout' "$OUT/fanout-$server-driver.log" || echo "bench.fanout server=$server FAILED (see $OUT/fanout-$server*.log)")"
		stop
	done
}

sections=("$@")
[[ ${#sections[@]} -gt 0 ]] || sections=(webhook template startup fanout)
build
{
	echo "## $(date -u '+%Y-%m-%d %H:%M UTC') $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), sections: ${sections[*]}"
	java -version 2>&1 | head -1
} | tee -a "$SUMMARY"
for section in "${sections[@]}"; do
	case $section in
		webhook | template | startup | fanout) "run_$section" ;;
		*) echo "unknown section '$section': use webhook, template, startup or fanout" >&2; exit 2 ;;
	esac
done
log "## done $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
