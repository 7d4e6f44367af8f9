import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.webpubsub.emulator.WebPubSubEmulator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Opens N WebSocket connections to the emulator and to a raw Reactor Netty broadcast server, broadcasts M
 * messages to all of them, and prints deliveries per second for both. See README.md in this folder.
 */
public final class FanoutDriver {

	public static void main(String[] args) throws Exception {
		int connections = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int messages = (args.length > 1) ? Integer.parseInt(args[1]) : 50;
		System.out.println("connections=" + connections + " messages=" + messages);

		DisposableServer baseline = baselineServer();
		Sinks.Many<String> broadcast = BASELINE;
		try {
			double baselineRate = run("raw reactor-netty", "ws://127.0.0.1:" + baseline.port() + "/ws", connections,
					messages, () -> broadcast.tryEmitNext("hello world"));
			WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).build().start();
			try {
				String token = sign(emulator.accessKey(), "{\"aud\":\"" + emulator.endpoint()
						+ "/client/hubs/bench\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}");
				String sendUrl = emulator.endpoint() + "/api/hubs/bench/:send?api-version=2024-12-01";
				String restToken = sign(emulator.accessKey(), "{\"aud\":\"" + sendUrl + "\",\"exp\":"
						+ (Instant.now().getEpochSecond() + 3600) + "}");
				HttpClient http = HttpClient.newHttpClient();
				double emulatorRate = run("emulator (REST :send)",
						emulator.endpoint().replace("http:", "ws:") + "/client/hubs/bench?access_token=" + token,
						connections, messages, () -> {
							try {
								http.send(HttpRequest.newBuilder(URI.create(sendUrl))
									.header("Authorization", "Bearer " + restToken)
									.header("Content-Type", "text/plain")
									.POST(HttpRequest.BodyPublishers.ofString("hello world"))
									.build(), HttpResponse.BodyHandlers.discarding());
							}
							catch (Exception ex) {
								throw new IllegalStateException(ex);
							}
						});
				System.out.printf("emulator/baseline = %.2f%n", emulatorRate / baselineRate);
			}
			finally {
				emulator.stop();
			}
		}
		finally {
			baseline.disposeNow();
		}
		System.exit(0);
	}

	private static final Sinks.Many<String> BASELINE = Sinks.many().multicast().directBestEffort();

	private static DisposableServer baselineServer() {
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> response.sendWebsocket((in, out) -> {
				in.receive().subscribe();
				return out.sendString(BASELINE.asFlux());
			}))
			.bindNow();
	}

	private static double run(String name, String url, int connections, int messages, Runnable send) {
		AtomicLong received = new AtomicLong();
		ConnectionProvider provider = ConnectionProvider.newConnection();
		List<Disposable> sockets = new ArrayList<>();
		reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create(provider);
		AtomicLong open = new AtomicLong();
		for (int i = 0; i < connections; i++) {
			sockets.add(client.websocket()
				.uri(url)
				.handle((in, out) -> {
					open.incrementAndGet();
					return in.receiveFrames().doOnNext((frame) -> received.incrementAndGet()).then();
				})
				.subscribe());
			if (i % 500 == 499) {
				await(() -> open.get() >= (long) sockets.size() - 100, Duration.ofSeconds(60));
			}
		}
		await(() -> open.get() == connections, Duration.ofSeconds(120));
		// Let the server register the last connections before timing.
		sleep(500);
		long expected = (long) connections * messages;
		long start = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			send.run();
		}
		boolean complete = await(() -> received.get() >= expected, Duration.ofSeconds(300));
		double seconds = (System.nanoTime() - start) / 1e9;
		double rate = received.get() / seconds;
		System.out.printf("%-24s %d/%d delivered in %.2f s = %.0f messages/s%s%n", name, received.get(), expected,
				seconds, rate, complete ? "" : " (INCOMPLETE)");
		sockets.forEach(Disposable::dispose);
		provider.disposeLater().block();
		return rate;
	}

	private static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			sleep(5);
		}
		return true;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String sign(String key, String claims) throws Exception {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String input = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return input + "." + encoder.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
	}

}
