package dev.webpubsub.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * An upstream event handler application on a real HTTP server that records every request by hub and answers
 * with a replaceable responder.
 */
final class TestUpstream implements AutoCloseable {

	private final Map<String, BlockingQueue<Request>> requests = new ConcurrentHashMap<>();

	private volatile Function<Request, Reply> responder = TestUpstream::defaultReply;

	private final DisposableServer server;

	TestUpstream() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive()
				.aggregate()
				.asByteArray()
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> {
					String[] path = ("/" + request.path()).split("/");
					HttpHeaders headers = new DefaultHttpHeaders().add(request.requestHeaders());
					Request recorded = new Request(request.method().name(), path[1], path[2], request.uri(), headers,
							body);
					queue(recorded.hub()).add(recorded);
					Reply reply = this.responder.apply(recorded);
					reply.headers().forEach(response::header);
					if (reply.contentType() != null) {
						response.header("Content-Type", reply.contentType());
					}
					return response.status(reply.status()).sendByteArray(Mono.just(reply.body())).then();
				}))
			.bindNow();
	}

	static Reply defaultReply(Request request) {
		if (request.method().equals("OPTIONS")) {
			return new Reply(200, Map.of("WebHook-Allowed-Origin", "*"), null, new byte[0]);
		}
		return new Reply(204, Map.of(), null, new byte[0]);
	}

	/** URL template for a hub's handler: {@code http://127.0.0.1:<port>/{hub}/{event}}. */
	String urlTemplate() {
		return "http://127.0.0.1:" + this.server.port() + "/{hub}/{event}";
	}

	void respond(Function<Request, Reply> responder) {
		this.responder = responder;
	}

	BlockingQueue<Request> queue(String hub) {
		return this.requests.computeIfAbsent(hub, (key) -> new LinkedBlockingQueue<>());
	}

	/** Waits for the next request of a hub. */
	Request next(String hub) {
		return TestWebSocket.quickly().until(queue(hub)::poll, (request) -> request != null);
	}

	/** Waits for the next POST of a hub, skipping validation requests. */
	Request nextEvent(String hub) {
		while (true) {
			Request request = next(hub);
			if (request.method().equals("POST")) {
				return request;
			}
		}
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * A recorded request.
	 */
	record Request(String method, String hub, String event, String uri, HttpHeaders headers, byte[] body) {

		String header(String name) {
			return this.headers.get(name);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return TestWebSocket.JSON.readTree(this.body);
		}

	}

	/**
	 * A reply of the upstream application.
	 */
	record Reply(int status, Map<String, String> headers, String contentType, byte[] body) {

		static Reply of(int status, String contentType, String body) {
			return new Reply(status, Map.of(), contentType, body.getBytes(StandardCharsets.UTF_8));
		}

		Reply withHeader(String name, String value) {
			Map<String, String> all = new java.util.HashMap<>(this.headers);
			all.put(name, value);
			return new Reply(this.status, all, this.contentType, this.body);
		}

	}

	static List<String> strings(JsonNode array) {
		return array.values().stream().map(JsonNode::asString).toList();
	}

}
