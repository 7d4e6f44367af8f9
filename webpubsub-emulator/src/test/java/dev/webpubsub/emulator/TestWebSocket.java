package dev.webpubsub.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import org.awaitility.core.ConditionFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real WebSocket client (the JDK's) that records what it receives.
 */
final class TestWebSocket implements WebSocket.Listener {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

	final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();

	volatile String closeReason = "";

	private final StringBuilder text = new StringBuilder();

	private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

	private WebSocket socket;

	static TestWebSocket connect(String url, String... subprotocols) {
		TestWebSocket listener = new TestWebSocket();
		WebSocket.Builder builder = CLIENT.newWebSocketBuilder();
		if (subprotocols.length > 0) {
			builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
		}
		listener.socket = builder.buildAsync(URI.create(url), listener).join();
		return listener;
	}

	/**
	 * Tries to connect and returns the HTTP status of a failed handshake.
	 * @param url the URL
	 * @return the status
	 */
	static int handshakeStatus(String url) {
		try {
			connect(url).socket.abort();
			return 101;
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof WebSocketHandshakeException handshake) {
				return handshake.getResponse().statusCode();
			}
			throw ex;
		}
	}

	String subprotocol() {
		return this.socket.getSubprotocol();
	}

	TestWebSocket send(String message) {
		this.socket.sendText(message, true).join();
		return this;
	}

	TestWebSocket sendBinary(byte[] message) {
		this.socket.sendBinary(ByteBuffer.wrap(message), true).join();
		return this;
	}

	void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
	}

	void abort() {
		this.socket.abort();
	}

	/** Waits for the next message. */
	Object next() {
		return quickly().until(this.received::poll, (message) -> message != null);
	}

	String nextText() {
		return (String) next();
	}

	JsonNode nextJson() {
		return JSON.readTree(nextText());
	}

	/** Waits for the next JSON message of the given type, skipping others. */
	JsonNode nextJson(String type) {
		while (true) {
			JsonNode message = nextJson();
			if (message.path("type").asString("").equals(type)) {
				return message;
			}
		}
	}

	int awaitClose() {
		return quickly().until(() -> this.closeCode.getNow(null), (code) -> code != null);
	}

	/** Awaitility with a short poll interval, since messages usually arrive within milliseconds. */
	static ConditionFactory quickly() {
		return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.text.append(data);
		if (last) {
			this.received.add(this.text.toString());
			this.text.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		byte[] bytes = new byte[data.remaining()];
		data.get(bytes);
		this.binary.writeBytes(bytes);
		if (last) {
			this.received.add(this.binary.toByteArray());
			this.binary = new java.io.ByteArrayOutputStream();
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
		this.pings.incrementAndGet();
		return WebSocket.Listener.super.onPing(webSocket, message);
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closeReason = reason;
		this.closeCode.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closeCode.complete(-1);
	}

	static String utf8(Object message) {
		return (message instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : (String) message;
	}

}
