package dev.webpubsub.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared helpers: clients of the official SDK, client URLs and connected JSON clients.
 */
final class EmulatorTestSupport {

	private static final AtomicInteger hubs = new AtomicInteger();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	private EmulatorTestSupport() {
	}

	static String newHub() {
		return "hub" + hubs.incrementAndGet();
	}

	static WebPubSubServiceClient sdk(WebPubSubEmulator emulator, String hub) {
		return new WebPubSubServiceClientBuilder().connectionString(emulator.connectionString())
			.hub(hub)
			.buildClient();
	}

	static String clientUrl(WebPubSubEmulator emulator, String hub, String userId, String... roles) {
		GetClientAccessTokenOptions options = new GetClientAccessTokenOptions();
		if (userId != null) {
			options.setUserId(userId);
		}
		if (roles.length > 0) {
			options.setRoles(List.of(roles));
		}
		return sdk(emulator, hub).getClientAccessToken(options).getUrl();
	}

	/**
	 * Connects a {@code json.webpubsub.azure.v1} client and reads its {@code connected} message.
	 */
	static JsonClient json(WebPubSubEmulator emulator, String hub, String userId, String... roles) {
		return json(clientUrl(emulator, hub, userId, roles), "json.webpubsub.azure.v1");
	}

	static JsonClient json(String url, String protocol) {
		TestWebSocket socket = TestWebSocket.connect(url, protocol);
		assertThat(socket.subprotocol()).isEqualTo(protocol);
		JsonNode connected = socket.nextJson();
		assertThat(connected.path("type").asString()).isEqualTo("system");
		assertThat(connected.path("event").asString()).isEqualTo("connected");
		return new JsonClient(socket, connected.path("connectionId").asString(), connected);
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Builds a REST request signed the way the SDKs sign it (audience = full URL).
	 */
	static HttpRequest.Builder rest(WebPubSubEmulator emulator, String pathAndQuery) {
		String url = emulator.endpoint() + pathAndQuery;
		String token = TestTokens.sign(emulator.accessKey(),
				"{\"aud\":\"" + url + "\",\"exp\":" + TestTokens.inOneHour() + "}");
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
	}

	/**
	 * A connected JSON client.
	 *
	 * @param socket the socket
	 * @param connectionId the connection id
	 * @param connected the {@code connected} system message
	 */
	record JsonClient(TestWebSocket socket, String connectionId, JsonNode connected) {

		JsonNode next() {
			return this.socket.nextJson();
		}

		JsonNode next(String type) {
			return this.socket.nextJson(type);
		}

		JsonClient send(String message) {
			this.socket.send(message);
			return this;
		}

	}

}
