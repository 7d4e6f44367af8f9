package dev.webpubsub.spring.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server standing in for the Web PubSub service: answers every request with one status and remembers
 * the last request.
 */
final class MiniService implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private final Map<String, String> last = new ConcurrentHashMap<>();

	private volatile int status;

	MiniService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void answer(int status) {
		this.status = status;
	}

	int requestCount() {
		return this.requests.get();
	}

	String lastRequestLine() {
		return this.last.get("requestLine");
	}

	String lastBody() {
		return this.last.get("body");
	}

	String lastHeader(String name) {
		return this.last.get("header:" + name.toLowerCase());
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		this.last.clear();
		this.last.put("requestLine", exchange.getRequestMethod() + " " + exchange.getRequestURI() + " ");
		this.last.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		exchange.getRequestHeaders()
			.forEach((name, values) -> this.last.put("header:" + name.toLowerCase(), values.get(0)));
		boolean send = exchange.getRequestURI().getPath().endsWith("/:send");
		int answer = (this.status != 0) ? this.status : (send ? 202 : 200);
		exchange.sendResponseHeaders(answer, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
