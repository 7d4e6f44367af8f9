package dev.webpubsub.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.webpubsub.emulator.EmulatorTestSupport.JsonClient;

import static dev.webpubsub.emulator.EmulatorTestSupport.json;
import static dev.webpubsub.emulator.EmulatorTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opt-in mode that accepts unsigned Entra ID style tokens on the REST API.
 */
class EntraTokenTests {

	private static final String ENTRA_TOKEN = TestTokens
		.unsigned("{\"aud\":\"https://webpubsub.azure.com\",\"exp\":" + TestTokens.inOneHour() + ",\"oid\":\"app\"}");

	@Test
	void acceptsUnsignedEntraTokensWhenEnabled() {
		WebPubSubEmulator emulator = WebPubSubEmulator.builder()
			.port(0)
			.allowUnvalidatedEntraTokens(true)
			.build()
			.start();
		try {
			HttpResponse<String> generated = send(entra(emulator,
					"/api/hubs/chat/:generateToken?api-version=2024-01-01&userId=user1&minutesToExpire=30"
							+ "&role=webpubsub.joinLeaveGroup&group=group1&group=group2&clientType=default")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build());
			assertThat(generated.statusCode()).isEqualTo(200);
			String token = TestWebSocket.JSON.readTree(generated.body()).path("token").asString();
			JsonClient client = json(emulator.endpoint().replace("http:", "ws:") + "/client/hubs/chat?access_token="
					+ token, "json.webpubsub.azure.v1");
			assertThat(client.connected().path("userId").asString()).isEqualTo("user1");

			HttpResponse<String> sent = send(entra(emulator, "/api/hubs/chat/groups/group2/:send?api-version=2024-01-01")
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString("via Entra"))
				.build());
			assertThat(sent.statusCode()).isEqualTo(202);
			assertThat(client.next().path("data").asString()).isEqualTo("via Entra");

			String expired = TestTokens.unsigned("{\"aud\":\"https://webpubsub.azure.com\",\"exp\":1000}");
			HttpResponse<String> rejected = send(HttpRequest
				.newBuilder(URI.create(emulator.endpoint() + "/api/hubs/chat/:send?api-version=2024-01-01"))
				.header("Authorization", "Bearer " + expired)
				.POST(HttpRequest.BodyPublishers.ofString("x"))
				.build());
			assertThat(rejected.statusCode()).isEqualTo(401);
		}
		finally {
			emulator.stop();
		}
	}

	@Test
	void rejectsUnsignedEntraTokensByDefault() {
		WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).build().start();
		try {
			HttpResponse<String> response = send(entra(emulator, "/api/hubs/chat/:send?api-version=2024-01-01")
				.POST(HttpRequest.BodyPublishers.ofString("x"))
				.build());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("x-ms-error-code")).hasValue("Unauthorized");
		}
		finally {
			emulator.stop();
		}
	}

	private static HttpRequest.Builder entra(WebPubSubEmulator emulator, String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(emulator.endpoint() + pathAndQuery))
			.header("Authorization", "Bearer " + ENTRA_TOKEN);
	}

}
