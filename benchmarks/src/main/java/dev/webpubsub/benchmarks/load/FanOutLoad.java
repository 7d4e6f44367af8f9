package dev.webpubsub.benchmarks.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import dev.webpubsub.benchmarks.BenchmarkKeys;
import dev.webpubsub.spring.token.Hs256JwtSigner;
import dev.webpubsub.spring.token.JsonClaims;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * WebSocket fan-out driver: opens N simple WebSocket clients on {@code /client/hubs/bench}, then broadcasts M text
 * messages through {@code POST /api/hubs/bench/:send} (signed with the access key, so the emulator accepts it) and
 * counts the frames the clients receive. At most W broadcasts are undelivered at any time, so queues stay bounded.
 * <p>
 * Usage: {@code FanOutLoad <name> <port> <connections> <broadcasts> <window> <timeout-seconds>}. Prints one line:
 * {@code bench.fanout server=<name> connections=.. connect-ms=.. broadcasts=.. delivered=.. seconds=..
 * delivered-per-s=..}.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class FanOutLoad {

	private static final String MESSAGE = "{\"from\":\"bench\",\"text\":\"a broadcast message of about sixty-four bytes\"}";

	private FanOutLoad() {
	}

	/**
	 * Runs the driver.
	 * @param args name, port, connections, broadcasts, window, timeout in seconds
	 * @throws InterruptedException if interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		String name = args[0];
		int port = Integer.parseInt(args[1]);
		int connections = Integer.parseInt(args[2]);
		int broadcasts = Integer.parseInt(args[3]);
		int window = Integer.parseInt(args[4]);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[5]));
		String origin = "http://127.0.0.1:" + port;
		Hs256JwtSigner signer = new Hs256JwtSigner(BenchmarkKeys.ACCESS_KEY);

		LongAdder received = new LongAdder();
		List<Disposable> clients = new CopyOnWriteArrayList<>();
		String clientUrl = "ws://127.0.0.1:" + port + "/client/hubs/" + BenchmarkKeys.HUB + "?access_token="
				+ token(signer, origin + "/client/hubs/" + BenchmarkKeys.HUB);
		HttpClient webSockets = HttpClient.create(ConnectionProvider.newConnection());
		long connectStart = System.nanoTime();
		Flux.range(0, connections)
			.flatMap((i) -> Mono.<Void>create((connected) -> clients.add(webSockets.websocket()
				.uri(clientUrl)
				.handle((in, out) -> {
					connected.success();
					return in.receiveFrames().doOnNext((frame) -> received.increment()).then();
				})
				.subscribe(null, connected::error))), 256)
			.blockLast(Duration.ofNanos(deadline - System.nanoTime()));
		long connectMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStart);

		HttpClient rest = HttpClient.create();
		String sendUrl = origin + "/api/hubs/" + BenchmarkKeys.HUB + "/:send?api-version=2024-12-01";
		long expected = (long) connections * broadcasts;
		long start = System.nanoTime();
		for (int i = 0; i < broadcasts && System.nanoTime() < deadline; i++) {
			long mustHave = (long) (i - window) * connections;
			while (received.sum() < mustHave && System.nanoTime() < deadline) {
				LockSupport.parkNanos(100_000);
			}
			int status = rest.headers((headers) -> headers.set("Authorization", "Bearer " + token(signer, sendUrl))
				.set("Content-Type", "text/plain"))
				.post()
				.uri(URI.create(sendUrl))
				.send(ByteBufFlux.fromString(Mono.just(MESSAGE)))
				.response()
				.map((response) -> response.status().code())
				.block(Duration.ofSeconds(30));
			if (status != 202) {
				throw new IllegalStateException("broadcast answered " + status);
			}
		}
		while (received.sum() < expected && System.nanoTime() < deadline) {
			LockSupport.parkNanos(100_000);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long delivered = received.sum();
		System.out.printf("bench.fanout server=%s connections=%d connect-ms=%d broadcasts=%d delivered=%d seconds=%.2f"
				+ " delivered-per-s=%.0f%s%n", name, connections, connectMillis, broadcasts, delivered, seconds,
				delivered / seconds, (delivered < expected) ? " INCOMPLETE(expected " + expected + ")" : "");
		clients.forEach(Disposable::dispose);
		System.exit(0);
	}

	private static String token(Hs256JwtSigner signer, String audience) {
		long now = System.currentTimeMillis() / 1000;
		return signer.sign(new JsonClaims().add("aud", audience).add("iat", now).add("exp", now + 3600).toJson());
	}

}
