package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real WebSocket client (the JDK's) speaking {@code json.webpubsub.azure.v1}, which records the JSON messages it
 * receives.
 */
final class TestWebSocket implements WebSocket.Listener {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

	private final StringBuilder text = new StringBuilder();

	private WebSocket socket;

	private TestWebSocket() {
	}

	static TestWebSocket connect(String url) {
		TestWebSocket listener = new TestWebSocket();
		listener.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("json.webpubsub.azure.v1")
			.buildAsync(URI.create(url), listener)
			.join();
		return listener;
	}

	void sendEvent(String event, String text) {
		this.socket.sendText(JSON.createObjectNode()
			.put("type", "event")
			.put("event", event)
			.put("dataType", "text")
			.put("data", text)
			.toString(), true).join();
	}

	void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
	}

	/**
	 * Waits for the next message of the given type, skipping others.
	 * @param type the {@code type} of the message, such as {@code system} or {@code message}
	 * @return the message
	 */
	JsonNode next(String type) {
		while (true) {
			JsonNode message = await().pollInterval(Duration.ofMillis(10)).until(this.received::poll,
					(candidate) -> candidate != null);
			if (message.path("type").asString("").equals(type)) {
				return message;
			}
		}
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.text.append(data);
		if (last) {
			this.received.add(JSON.readTree(this.text.toString()));
			this.text.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

}
