import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Broadcast fan-out load driver. Two roles, each meant for its own JVM so that every connection costs one file
 * descriptor per process:
 * <ul>
 * <li>{@code baseline-server}: a raw Reactor Netty broadcast server; {@code POST /broadcast} emits the body as a text
 * frame to every WebSocket on {@code /ws} through a multicast sink. Prints {@code READY port=<port>}.</li>
 * <li>{@code clients baseline|emulator <port> <connections> <messages> [simple|json|reliable]}: opens the
 * connections with a bounded number of handshakes in flight, sends the messages one after the other (the emulator
 * through REST {@code :send}, the baseline through {@code POST /broadcast}) and prints deliveries per second.</li>
 * </ul>
 * The emulator itself runs from its runnable jar. {@code run.sh} in this folder runs both sides for both servers.
 */
public final class FanoutDriver {

	private static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	private static final String HUB = "bench";

	private static final int HANDSHAKES_IN_FLIGHT = 256;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

	public static void main(String[] args) throws Exception {
		if (args.length == 1 && args[0].equals("baseline-server")) {
			baselineServer();
			return;
		}
		if (args.length >= 5 && args[0].equals("clients")) {
			boolean emulator = args[1].equals("emulator");
			int port = Integer.parseInt(args[2]);
			int connections = Integer.parseInt(args[3]);
			int messages = Integer.parseInt(args[4]);
			String protocol = (args.length > 5) ? args[5] : "simple";
			System.exit(clients(emulator, port, connections, messages, protocol) ? 0 : 1);
		}
		System.err.println("usage: FanoutDriver baseline-server | clients baseline|emulator <port> <connections> "
				+ "<messages> [simple|json|reliable]");
		System.exit(2);
	}

	private static void baselineServer() throws InterruptedException {
		Sinks.Many<String> broadcast = Sinks.many().multicast().directBestEffort();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.ws("/ws", (in, out) -> {
					in.receive().subscribe();
					return out.sendString(broadcast.asFlux());
				})
				.post("/broadcast", (request, response) -> request.receive().aggregate().asString().flatMap((body) -> {
					broadcast.tryEmitNext(body);
					return response.status(202).send();
				})))
			.bindNow();
		System.out.println("READY port=" + server.port());
		server.onDispose().block();
	}

	private static boolean clients(boolean emulator, int port, int connections, int messages, String protocol)
			throws Exception {
		String base = "127.0.0.1:" + port;
		String wsUrl;
		String sendUrl;
		String bearer = null;
		String subprotocol = switch (protocol) {
			case "json" -> "json.webpubsub.azure.v1";
			case "reliable" -> "json.reliable.webpubsub.azure.v1";
			default -> null;
		};
		if (emulator) {
			long exp = Instant.now().getEpochSecond() + 3600;
			String clientUrl = "http://" + base + "/client/hubs/" + HUB;
			wsUrl = "ws://" + base + "/client/hubs/" + HUB + "?access_token="
					+ sign("{\"aud\":\"" + clientUrl + "\",\"exp\":" + exp + "}");
			sendUrl = "http://" + base + "/api/hubs/" + HUB + "/:send?api-version=2024-12-01";
			bearer = sign("{\"aud\":\"" + sendUrl + "\",\"exp\":" + exp + "}");
		}
		else {
			wsUrl = "ws://" + base + "/ws";
			sendUrl = "http://" + base + "/broadcast";
		}
		String name = emulator ? "emulator (" + protocol + ")" : "raw reactor-netty";

		LongAdder received = new LongAdder();
		AtomicLong open = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		Semaphore handshakes = new Semaphore(HANDSHAKES_IN_FLIGHT);
		ConnectionProvider provider = ConnectionProvider.newConnection();
		WebsocketClientSpec.Builder spec = WebsocketClientSpec.builder();
		if (subprotocol != null) {
			spec.protocols(subprotocol);
		}
		reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create(provider);
		long connectStart = System.nanoTime();
		long connectDeadline = connectStart + CONNECT_TIMEOUT.toNanos();
		for (int i = 0; i < connections; i++) {
			long left = connectDeadline - System.nanoTime();
			if (left <= 0 || !handshakes.tryAcquire(left, TimeUnit.NANOSECONDS)) {
				break;
			}
			client.websocket(spec.build()).uri(wsUrl).handle((in, out) -> {
				open.incrementAndGet();
				handshakes.release();
				return in.receiveFrames().doOnNext((frame) -> received.increment()).then();
			}).subscribe(null, (ex) -> {
				failed.incrementAndGet();
				handshakes.release();
			});
		}
		boolean allOpen = await(() -> open.get() + failed.get() >= connections, connectDeadline);
		double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
		System.out.printf("%-22s %d/%d connections open in %.1f s (%d failed)%n", name, open.get(), connections,
				connectSeconds, failed.get());
		if (!allOpen || open.get() != connections) {
			System.out.println("RESULT " + name + " connections=" + open.get() + " FAILED to open all connections");
			return false;
		}
		// JSON clients get a 'connected' system message first; wait until every one has arrived.
		long initial = (subprotocol != null) ? connections : 0;
		await(() -> received.sum() >= initial, System.nanoTime() + Duration.ofSeconds(30).toNanos());
		Thread.sleep(500);
		received.reset();

		HttpClient http = HttpClient.newHttpClient();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sendUrl))
			.header(HttpHeaderNames.CONTENT_TYPE.toString(), "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("hello world"));
		if (bearer != null) {
			request.header(HttpHeaderNames.AUTHORIZATION.toString(), "Bearer " + bearer);
		}
		HttpRequest send = request.build();
		// An untimed warm-up round of the same size lets both servers' JIT compile the fan-out path.
		if (!broadcast(http, send, messages, received, (long) connections * messages)) {
			System.out.println("RESULT " + name + " warm-up INCOMPLETE");
			return false;
		}
		received.reset();
		long expected = (long) connections * messages;
		long serverPid = Long.getLong("fanout.serverPid", -1);
		long[] serverTicks = cpuTicks(serverPid);
		long start = System.nanoTime();
		boolean complete = broadcast(http, send, messages, received, expected);
		double seconds = (System.nanoTime() - start) / 1e9;
		// The server's CPU time per delivery does not depend on how much of the shared machine it got.
		long[] serverTicksAfter = cpuTicks(serverPid);
		double serverMicros = (serverTicksAfter[0] + serverTicksAfter[1] - serverTicks[0] - serverTicks[1]) * 1e6
				/ TICKS_PER_SECOND / received.sum();
		double kernelMicros = (serverTicksAfter[1] - serverTicks[1]) * 1e6 / TICKS_PER_SECOND / received.sum();
		double rate = received.sum() / seconds;
		System.out.printf("RESULT %s connections=%d messages=%d delivered=%d/%d seconds=%.3f rate=%.0f "
				+ "server-cpu-us-per-delivery=%.2f (kernel %.2f) connect=%.1fs%s%n", name, connections, messages,
				received.sum(), expected, seconds, rate, serverMicros, kernelMicros, connectSeconds,
				complete ? "" : " INCOMPLETE");
		return complete;
	}

	/** Clock ticks of /proc/PID/stat (USER_HZ, 100 on Linux). */
	private static final int TICKS_PER_SECOND = 100;

	/** User and system CPU time of a process in clock ticks, or zeros if unknown. */
	private static long[] cpuTicks(long pid) {
		try {
			String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]) };
		}
		catch (Exception ex) {
			return new long[2];
		}
	}

	private static boolean broadcast(HttpClient http, HttpRequest send, int messages, LongAdder received,
			long expected) throws Exception {
		long start = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			int status = http.send(send, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 202) {
				throw new IllegalStateException("send answered " + status);
			}
		}
		return await(() -> received.sum() >= expected, start + DELIVERY_TIMEOUT.toNanos());
	}

	private static boolean await(java.util.function.BooleanSupplier condition, long deadlineNanos)
			throws InterruptedException {
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadlineNanos) {
				return false;
			}
			Thread.sleep(2);
		}
		return true;
	}

	private static String sign(String claims) throws Exception {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String input = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return input + "." + encoder.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
	}

}
