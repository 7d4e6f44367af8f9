package dev.webpubsub.emulator;

import java.time.Instant;
import java.util.concurrent.CompletionException;

import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import dev.webpubsub.emulator.EmulatorTestSupport.JsonClient;

import static dev.webpubsub.emulator.EmulatorTestSupport.clientUrl;
import static dev.webpubsub.emulator.EmulatorTestSupport.json;
import static dev.webpubsub.emulator.EmulatorTestSupport.sdk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input from clients gets the service's answer and never disturbs other clients.
 */
class BadInputTests extends AbstractEmulatorTests {

	@Test
	void malformedJsonClosesOnlyTheSendersConnection() {
		JsonClient bystander = json(emulator, this.hub, "bystander");
		JsonClient sender = json(emulator, this.hub, "sender");
		sender.send("{not json");
		assertThat(sender.next("system").path("event").asString()).isEqualTo("disconnected");
		assertThat(sender.socket().awaitClose()).isEqualTo(1003);
		this.client.sendToAll("still fine", WebPubSubContentType.TEXT_PLAIN);
		assertThat(bystander.next().path("data").asString()).isEqualTo("still fine");
	}

	@Test
	void jsonThatIsNotAnObjectClosesTheConnection() {
		JsonClient sender = json(emulator, this.hub, "sender");
		sender.send("[1,2]");
		assertThat(sender.socket().awaitClose()).isEqualTo(1003);
	}

	@Test
	void binaryFramesAreRejectedByJsonSubprotocols() {
		JsonClient sender = json(emulator, this.hub, "sender");
		sender.socket().sendBinary(new byte[] { 1, 2 });
		assertThat(sender.socket().awaitClose()).isEqualTo(1003);
	}

	@Test
	void invalidFieldsGetErrorAcks() {
		JsonClient c = json(emulator, this.hub, "u", "webpubsub.sendToGroup", "webpubsub.joinLeaveGroup");
		c.send("{\"type\":\"joinGroup\",\"group\":\"  \",\"ackId\":1}");
		assertThat(c.next().path("error").path("name").asString()).isEqualTo("BadRequest");
		c.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"binary\",\"data\":\"***\",\"ackId\":2}");
		assertThat(c.next().path("error").path("name").asString()).isEqualTo("BadRequest");
		c.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"protobuf\",\"data\":\"x\",\"ackId\":3}");
		assertThat(c.next().path("error").path("name").asString()).isEqualTo("BadRequest");
		c.send("{\"type\":\"event\",\"ackId\":4}");
		assertThat(c.next().path("error").path("name").asString()).isEqualTo("BadRequest");
		c.send("{\"type\":\"ping\"}");
		assertThat(c.next().path("type").asString()).isEqualTo("pong");
	}

	@Test
	void framesOverOneMebibyteCloseTheConnection() {
		JsonClient bystander = json(emulator, this.hub, "bystander");
		TestWebSocket sender = TestWebSocket.connect(clientUrl(emulator, this.hub, "big"), "json.webpubsub.azure.v1");
		try {
			sender.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");
		}
		catch (CompletionException ex) {
			// The server may close while the frame is still being written.
		}
		assertThat(sender.awaitClose()).isEqualTo(1009);
		this.client.sendToAll("after", WebPubSubContentType.TEXT_PLAIN);
		assertThat(bystander.next().path("data").asString()).isEqualTo("after");
	}

	@Test
	void singleFramesOverOneMebibyteEndReliableConnectionsForGood() {
		WebSocketCloseStatus status = HttpClient.create()
			.websocket(WebsocketClientSpec.builder()
				.protocols("json.reliable.webpubsub.azure.v1")
				.maxFramePayloadLength(4 * 1024 * 1024)
				.build())
			.uri(clientUrl(emulator, this.hub, "big"))
			.handle((in, out) -> out.sendString(Mono.just("x".repeat(1024 * 1024 + 10)))
				.then()
				.then(in.receiveCloseStatus()))
			.blockLast();
		assertThat(status.code()).isEqualTo(1009);
		// Without the reconnection window the user is gone at once rather than after 30 seconds.
		TestWebSocket.quickly().until(() -> !this.client.userExistsWithResponse("big", null).getValue());
	}

	@Test
	void rejectsInvalidTokensBeforeTheUpgrade() {
		String base = emulator.endpoint().replace("http:", "ws:") + "/client/hubs/" + this.hub;
		String aud = emulator.endpoint() + "/client/hubs/" + this.hub;
		long now = Instant.now().getEpochSecond();
		assertThat(TestWebSocket.handshakeStatus(base)).isEqualTo(401);
		assertThat(TestWebSocket.handshakeStatus(base + "?access_token=not-a-jwt")).isEqualTo(401);
		assertThat(TestWebSocket.handshakeStatus(base + "?access_token="
				+ TestTokens.sign("other key", "{\"aud\":\"" + aud + "\",\"exp\":" + (now + 60) + "}"))).isEqualTo(401);
		assertThat(TestWebSocket.handshakeStatus(base + "?access_token="
				+ TestTokens.sign(emulator.accessKey(), "{\"aud\":\"" + aud + "\",\"exp\":" + (now - 301) + "}")))
			.isEqualTo(401);
		assertThat(TestWebSocket.handshakeStatus(base + "?access_token="
				+ TestTokens.sign(emulator.accessKey(), "{\"aud\":\"" + aud + "\"}"))).isEqualTo(401);
		assertThat(TestWebSocket.handshakeStatus(base + "?access_token=" + TestTokens.sign(emulator.accessKey(),
				"{\"aud\":\"" + aud + "/other\",\"exp\":" + (now + 60) + "}"))).isEqualTo(401);
		assertThat(TestWebSocket.handshakeStatus(base + "?access_token=" + TestTokens.unsigned(
				"{\"aud\":\"" + aud + "\",\"exp\":" + (now + 60) + "}"))).isEqualTo(401);
	}

	@Test
	void acceptsTokensWithinTheClockSkewAndInTheWebSocketForm() {
		String base = emulator.endpoint().replace("http:", "ws:") + "/client/hubs/" + this.hub;
		long now = Instant.now().getEpochSecond();
		String expiredRecently = TestTokens.sign(emulator.accessKey(), "{\"aud\":\""
				+ emulator.endpoint().toUpperCase() .replace("HTTP:", "http:") + "/client/hubs/" + this.hub
				+ "\",\"exp\":" + (now - 60) + "}");
		assertThat(TestWebSocket.handshakeStatus(base + "?access_token=" + expiredRecently)).isEqualTo(101);
		String wsAudience = TestTokens.sign(emulator.accessKey(),
				"{\"aud\":\"" + base + "\",\"exp\":" + (now + 60) + "}");
		assertThat(TestWebSocket.handshakeStatus(base + "?access_token=" + wsAudience)).isEqualTo(101);
	}

	@Test
	void rejectsInvalidHubNamesAndModes() {
		String ws = emulator.endpoint().replace("http:", "ws:");
		assertThat(TestWebSocket.handshakeStatus(ws + "/client/hubs/9starts-with-digit")).isEqualTo(400);
		assertThat(TestWebSocket.handshakeStatus(ws + "/client/?hub=")).isEqualTo(400);
		assertThat(TestWebSocket.handshakeStatus(ws + "/client/hubs/" + "h".repeat(129))).isEqualTo(400);
		assertThat(TestWebSocket.handshakeStatus(clientUrl(emulator, this.hub, "u") + "&webpubsub_mode=other"))
			.isEqualTo(400);
		assertThat(TestWebSocket.handshakeStatus(clientUrl(emulator, this.hub, "u") + "&webpubsub_mode=sendToGroup"))
			.isEqualTo(400);
		assertThat(TestWebSocket.handshakeStatus(ws + "/elsewhere")).isEqualTo(404);
	}

	@Test
	void acceptsAnyValidHubName() {
		String hubName = "Odd_Hub.v2,x";
		JsonClient c = json(emulator, hubName, "u");
		sdk(emulator, hubName).sendToConnection(c.connectionId(), "ok", WebPubSubContentType.TEXT_PLAIN);
		assertThat(c.next().path("data").asString()).isEqualTo("ok");
	}

}
