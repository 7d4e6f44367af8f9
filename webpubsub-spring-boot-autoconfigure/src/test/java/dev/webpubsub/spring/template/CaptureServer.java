package dev.webpubsub.spring.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 that records each request as received (request target undecoded) and
 * answers it from a script of {@link Reply replies}, or like the service when the script is empty: 202 for
 * {@code :send}, 204 for {@code DELETE} and {@code :closeConnections}, 200 otherwise. One request per connection.
 */
final class CaptureServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Queue<Reply> script = new ConcurrentLinkedQueue<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	CaptureServer() throws IOException {
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.executor.execute(this::accept);
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	String endpoint() {
		return "http://127.0.0.1:" + port();
	}

	CaptureServer then(Reply reply) {
		this.script.add(reply);
		return this;
	}

	List<RecordedRequest> requests() {
		return Collections.unmodifiableList(this.requests);
	}

	RecordedRequest lastRequest() {
		return this.requests.get(this.requests.size() - 1);
	}

	void clear() {
		this.requests.clear();
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.executor.execute(() -> handle(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			RecordedRequest request = read(in);
			if (request == null) {
				return;
			}
			this.requests.add(request);
			Reply reply = this.script.poll();
			if (reply == null) {
				reply = Reply.status(defaultStatus(request));
			}
			if (reply.reset()) {
				socket.setSoLinger(true, 0);
				return;
			}
			if (reply.hang()) {
				this.closed.await();
				return;
			}
			write(socket.getOutputStream(), reply);
		}
		catch (IOException | InterruptedException ex) {
			// the client went away
		}
	}

	private static int defaultStatus(RecordedRequest request) {
		if (request.path().endsWith("/:send")) {
			return 202;
		}
		if (request.method().equals("DELETE") || request.path().endsWith("/:closeConnections")) {
			return 204;
		}
		return 200;
	}

	private static RecordedRequest read(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while (matched < 4 && (b = in.read()) != -1) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		if (matched < 4) {
			return null;
		}
		String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
		String[] requestLine = lines[0].split(" ");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
		byte[] body = in.readNBytes(length);
		String target = requestLine[1];
		int question = target.indexOf('?');
		String path = (question >= 0) ? target.substring(0, question) : target;
		String query = (question >= 0) ? target.substring(question + 1) : "";
		return new RecordedRequest(requestLine[0], path, query, headers, body, Instant.now());
	}

	private static void write(OutputStream out, Reply reply) throws IOException {
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(" X\r\n");
		reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Length: ").append(reply.body().length).append("\r\n");
		head.append("Connection: close\r\n\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(reply.body());
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.closed.countDown();
		this.serverSocket.close();
		this.executor.shutdownNow();
	}

	/**
	 * One request as received.
	 */
	record RecordedRequest(String method, String path, String query, Map<String, String> headers, byte[] body,
			Instant receivedAt) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		/**
		 * Returns the query without {@code api-version}, as it was sent (order and encoding kept).
		 */
		String queryWithoutApiVersion() {
			List<String> parameters = new ArrayList<>();
			for (String parameter : this.query.split("&")) {
				if (!parameter.isEmpty() && !parameter.startsWith("api-version=")) {
					parameters.add(parameter);
				}
			}
			return String.join("&", parameters);
		}

		String apiVersion() {
			for (String parameter : this.query.split("&")) {
				if (parameter.startsWith("api-version=")) {
					return parameter.substring("api-version=".length());
				}
			}
			return null;
		}

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/**
	 * A scripted answer.
	 */
	record Reply(int status, Map<String, String> headers, byte[] body, boolean reset, boolean hang) {

		static Reply status(int status) {
			return new Reply(status, Map.of(), new byte[0], false, false);
		}

		static Reply json(int status, String json, Map<String, String> headers) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.put("Content-Type", "application/json");
			return new Reply(status, all, json.getBytes(StandardCharsets.UTF_8), false, false);
		}

		static Reply withHeaders(int status, Map<String, String> headers) {
			return new Reply(status, headers, new byte[0], false, false);
		}

		static Reply resetConnection() {
			return new Reply(0, Map.of(), new byte[0], true, false);
		}

		static Reply noAnswer() {
			return new Reply(0, Map.of(), new byte[0], false, true);
		}

	}

}
