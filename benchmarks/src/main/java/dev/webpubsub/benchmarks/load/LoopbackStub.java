package dev.webpubsub.benchmarks.load;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Loopback stand-in for the service's REST API in the template run: reads every request and answers
 * {@code 202 Accepted} with an empty body, as the service does for {@code :send}.
 * <p>
 * Usage: {@code LoopbackStub <port>}; runs until killed.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class LoopbackStub {

	private LoopbackStub() {
	}

	/**
	 * Starts the stub.
	 * @param args the port
	 */
	public static void main(String[] args) {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(Integer.parseInt(args[0]))
			.handle((request, response) -> request.receive()
				.then(Mono.defer(() -> response.status(202).header(HttpHeaderNames.CONTENT_LENGTH, "0").send().then())))
			.bindNow();
		System.out.println("bench.stub ready on " + server.port());
		server.onDispose().block();
	}

}
