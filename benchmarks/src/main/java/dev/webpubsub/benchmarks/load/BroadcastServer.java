package dev.webpubsub.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The fan-out baseline: a raw Reactor Netty WebSocket broadcast server with the service's URL shapes, so that the
 * fan-out driver runs unchanged against it and the emulator. WebSocket clients connect to
 * {@code /client/hubs/{hub}}; {@code POST /api/hubs/{hub}/:send} writes the body as a text frame to every client.
 * Nothing is authenticated.
 * <p>
 * Usage: {@code BroadcastServer <port>}; runs until killed.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class BroadcastServer {

	private final Set<Sinks.Many<String>> clients = ConcurrentHashMap.newKeySet();

	/**
	 * Starts the server.
	 * @param args the port
	 */
	public static void main(String[] args) {
		BroadcastServer broadcast = new BroadcastServer();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(Integer.parseInt(args[0]))
			.route((routes) -> routes
				.ws("/client/hubs/{hub}", (in, out) -> {
					Sinks.Many<String> client = Sinks.many().unicast().onBackpressureBuffer();
					broadcast.clients.add(client);
					return out.sendString(client.asFlux().takeUntilOther(in.receive().then()))
						.then()
						.doFinally((signal) -> broadcast.clients.remove(client));
				})
				.post("/api/hubs/{hub}/:send", (request, response) -> request.receive()
					.aggregate()
					.asString(StandardCharsets.UTF_8)
					.doOnNext(broadcast::send)
					.then(Mono.defer(() -> response.status(202).send().then()))))
			.bindNow();
		System.out.println("bench.broadcast-server ready on " + server.port());
		server.onDispose().block();
	}

	// Serialised because a unicast sink takes one producer at a time.
	private synchronized void send(String text) {
		for (Sinks.Many<String> client : this.clients) {
			client.tryEmitNext(text);
		}
	}

}
