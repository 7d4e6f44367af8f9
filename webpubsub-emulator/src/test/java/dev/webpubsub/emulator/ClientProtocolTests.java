package dev.webpubsub.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.webpubsub.emulator.EmulatorTestSupport.JsonClient;

import static dev.webpubsub.emulator.EmulatorTestSupport.clientUrl;
import static dev.webpubsub.emulator.EmulatorTestSupport.json;
import static dev.webpubsub.emulator.EmulatorTestSupport.sdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client protocols with real WebSocket clients: simple WebSocket, {@code json.webpubsub.azure.v1} and
 * {@code json.reliable.webpubsub.azure.v1}.
 */
class ClientProtocolTests extends AbstractEmulatorTests {

	private static final String JSON = "json.webpubsub.azure.v1";

	private static final String RELIABLE = "json.reliable.webpubsub.azure.v1";

	@Test
	void jsonClientsJoinSendToAndLeaveGroupsWithAcks() {
		JsonClient alice = json(emulator, this.hub, "alice", "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup");
		JsonClient bob = json(emulator, this.hub, "bob", "webpubsub.joinLeaveGroup");
		assertThat(alice.connected().path("userId").asString()).isEqualTo("alice");
		assertThat(alice.connected().has("reconnectionToken")).isFalse();

		alice.send("{\"type\":\"joinGroup\",\"group\":\"room\",\"ackId\":1}");
		assertThat(alice.next()).isEqualTo(ack(1));
		bob.send("{\"type\":\"joinGroup\",\"group\":\"room\",\"ackId\":1}");
		assertThat(bob.next()).isEqualTo(ack(1));

		alice.send("{\"type\":\"sendToGroup\",\"group\":\"room\",\"dataType\":\"json\",\"data\":{\"t\":\"hi\"},\"ackId\":2}");
		JsonNode received = bob.next();
		assertThat(received.path("type").asString()).isEqualTo("message");
		assertThat(received.path("from").asString()).isEqualTo("group");
		assertThat(received.path("group").asString()).isEqualTo("room");
		assertThat(received.path("fromUserId").asString()).isEqualTo("alice");
		assertThat(received.path("dataType").asString()).isEqualTo("json");
		assertThat(received.path("data").path("t").asString()).isEqualTo("hi");
		assertThat(received.has("sequenceId")).isFalse();
		JsonNode echo = alice.next();
		assertThat(echo.path("type").asString()).isEqualTo("message");
		assertThat(alice.next()).isEqualTo(ack(2));

		alice.send("{\"type\":\"sendToGroup\",\"group\":\"room\",\"dataType\":\"text\",\"data\":\"quiet\",\"noEcho\":true,\"ackId\":3}");
		assertThat(alice.next()).isEqualTo(ack(3));
		assertThat(bob.next().path("data").asString()).isEqualTo("quiet");

		bob.send("{\"type\":\"leaveGroup\",\"group\":\"room\",\"ackId\":2}");
		assertThat(bob.next()).isEqualTo(ack(2));
		alice.send("{\"type\":\"sendToGroup\",\"group\":\"room\",\"dataType\":\"binary\",\"data\":\"AQI=\",\"ackId\":4}");
		assertThat(alice.next().path("data").asString()).isEqualTo("AQI=");
		assertThat(alice.next()).isEqualTo(ack(4));
		this.client.sendToConnection(bob.connectionId(), "after leaving", WebPubSubContentType.TEXT_PLAIN);
		assertThat(bob.next().path("data").asString()).isEqualTo("after leaving");
	}

	@Test
	void repeatedAckIdsAreDuplicatesAndNotExecutedAgain() {
		JsonClient alice = json(emulator, this.hub, "alice", "webpubsub.sendToGroup", "webpubsub.joinLeaveGroup");
		alice.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":7}");
		assertThat(alice.next()).isEqualTo(ack(7));
		alice.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"data\":\"once\",\"ackId\":7}");
		JsonNode duplicate = alice.next();
		assertThat(duplicate.path("success").asBoolean()).isFalse();
		assertThat(duplicate.path("error").path("name").asString()).isEqualTo("Duplicate");
		this.client.sendToConnection(alice.connectionId(), "next", WebPubSubContentType.TEXT_PLAIN);
		assertThat(alice.next().path("data").asString()).isEqualTo("next");
	}

	@Test
	void withoutRolesOnlyEventsAreAllowed() {
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
		JsonNode forbidden = c.next();
		assertThat(forbidden.path("success").asBoolean()).isFalse();
		assertThat(forbidden.path("error").path("name").asString()).isEqualTo("Forbidden");
		c.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"data\":1,\"ackId\":2}");
		assertThat(c.next().path("error").path("name").asString()).isEqualTo("Forbidden");
		assertThat(this.client.groupExistsWithResponse("g", null).getValue()).isFalse();
	}

	@Test
	void perGroupAndWildcardRolesGrantMatchingGroupsOnly() {
		JsonClient c = json(emulator, this.hub, "u", "webpubsub.joinLeaveGroup.lobby",
				"webpubsub.joinLeaveGroups.rooms.*", "webpubsub.sendToGroups.chat.**", "webpubsub.sendToGroup.lobby");
		c.send("{\"type\":\"joinGroup\",\"group\":\"lobby\",\"ackId\":1}");
		assertThat(c.next()).isEqualTo(ack(1));
		c.send("{\"type\":\"joinGroup\",\"group\":\"rooms.a\",\"ackId\":2}");
		assertThat(c.next()).isEqualTo(ack(2));
		c.send("{\"type\":\"joinGroup\",\"group\":\"rooms.a.b\",\"ackId\":3}");
		assertThat(c.next().path("error").path("name").asString()).isEqualTo("Forbidden");
		c.send("{\"type\":\"joinGroup\",\"group\":\"other\",\"ackId\":4}");
		assertThat(c.next().path("error").path("name").asString()).isEqualTo("Forbidden");
		c.send("{\"type\":\"sendToGroup\",\"group\":\"chat.x.y\",\"data\":1,\"ackId\":5}");
		assertThat(c.next()).isEqualTo(ack(5));
		c.send("{\"type\":\"sendToGroup\",\"group\":\"lobby\",\"data\":1,\"noEcho\":true,\"ackId\":6}");
		assertThat(c.next()).isEqualTo(ack(6));
		c.send("{\"type\":\"sendToGroup\",\"group\":\"rooms.a\",\"data\":1,\"ackId\":7}");
		assertThat(c.next().path("error").path("name").asString()).isEqualTo("Forbidden");
	}

	@Test
	void tokenGroupsAreJoinedAtConnect() {
		JsonClient c = json(emulator.endpoint().replace("http:", "ws:") + "/client/?hub=" + this.hub + "&access_token="
				+ signedToken("\"sub\":\"u\",\"webpubsub.group\":\"g1\""), JSON);
		this.client.sendToGroup("g1", "welcome", WebPubSubContentType.TEXT_PLAIN);
		assertThat(c.next().path("data").asString()).isEqualTo("welcome");
	}

	@Test
	void roleClaimsMayBeASingleString() {
		JsonClient c = json(emulator.endpoint().replace("http:", "ws:") + "/client/hubs/" + this.hub + "?access_token="
				+ signedToken("\"role\":\"webpubsub.joinLeaveGroup.g1\""), JSON);
		c.send("{\"type\":\"joinGroup\",\"group\":\"g1\",\"ackId\":1}");
		assertThat(c.next()).isEqualTo(ack(1));
		c.send("{\"type\":\"joinGroup\",\"group\":\"g2\",\"ackId\":2}");
		assertThat(c.next().path("error").path("name").asString()).isEqualTo("Forbidden");
	}

	@Test
	void pingIsAnsweredWithPong() {
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"ping\"}");
		assertThat(c.next().path("type").asString()).isEqualTo("pong");
	}

	@Test
	void unknownMessageTypesGetAnErrorAckOnlyWhenAnAckIsExpected() {
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"somethingNew\"}");
		c.send("{\"type\":\"somethingNew\",\"ackId\":9}");
		JsonNode ack = c.next();
		assertThat(ack.path("ackId").asLong()).isEqualTo(9);
		assertThat(ack.path("success").asBoolean()).isFalse();
	}

	@Test
	void reliableClientsGetSequenceIdsAndRecoverUnacknowledgedMessages() {
		JsonClient first = json(clientUrl(emulator, this.hub, "r"), RELIABLE);
		String token = first.connected().path("reconnectionToken").asString();
		assertThat(token).isNotEmpty();
		this.client.sendToConnection(first.connectionId(), "one", WebPubSubContentType.TEXT_PLAIN);
		JsonNode one = first.next();
		assertThat(one.path("sequenceId").asLong()).isEqualTo(1);
		first.send("{\"type\":\"sequenceAck\",\"sequenceId\":1}");
		this.client.sendToConnection(first.connectionId(), "two", WebPubSubContentType.TEXT_PLAIN);
		assertThat(first.next().path("sequenceId").asLong()).isEqualTo(2);
		first.socket().abort();
		this.client.sendToConnection(first.connectionId(), "three", WebPubSubContentType.TEXT_PLAIN);

		String reconnectUrl = clientUrl(emulator, this.hub, "r") + "&awps_connection_id=" + first.connectionId()
				+ "&awps_reconnection_token=" + token;
		TestWebSocket second = TestWebSocket.connect(reconnectUrl, RELIABLE);
		JsonNode two = second.nextJson();
		assertThat(two.path("data").asString()).isEqualTo("two");
		assertThat(two.path("sequenceId").asLong()).isEqualTo(2);
		JsonNode three = second.nextJson();
		assertThat(three.path("data").asString()).isEqualTo("three");
		assertThat(three.path("sequenceId").asLong()).isEqualTo(3);
		assertThat(this.client.connectionExistsWithResponse(first.connectionId(), null).getValue()).isTrue();
	}

	@Test
	void reconnectingWithAWrongTokenClosesWith1008() {
		JsonClient first = json(clientUrl(emulator, this.hub, "r"), RELIABLE);
		TestWebSocket second = TestWebSocket.connect(clientUrl(emulator, this.hub, "r") + "&awps_connection_id="
				+ first.connectionId() + "&awps_reconnection_token=forged", RELIABLE);
		assertThat(second.awaitClose()).isEqualTo(1008);
		TestWebSocket unknown = TestWebSocket.connect(clientUrl(emulator, this.hub, "r")
				+ "&awps_connection_id=nope&awps_reconnection_token=x", RELIABLE);
		assertThat(unknown.awaitClose()).isEqualTo(1008);
	}

	@Test
	void droppedReliableConnectionsEndAfterTheReconnectionWindow() {
		WebPubSubEmulator shortWindow = WebPubSubEmulator.builder()
			.port(0)
			.reconnectionWindow(Duration.ofMillis(100))
			.build()
			.start();
		try {
			JsonClient c = json(clientUrl(shortWindow, this.hub, "r"), RELIABLE);
			WebPubSubServiceClient sdk = sdk(shortWindow, this.hub);
			c.socket().abort();
			await().until(() -> !sdk.connectionExistsWithResponse(c.connectionId(), null).getValue());
			TestWebSocket late = TestWebSocket.connect(clientUrl(shortWindow, this.hub, "r") + "&awps_connection_id="
					+ c.connectionId() + "&awps_reconnection_token="
					+ c.connected().path("reconnectionToken").asString(), RELIABLE);
			assertThat(late.awaitClose()).isEqualTo(1008);
		}
		finally {
			shortWindow.stop();
		}
	}

	@Test
	void droppedJsonConnectionsEndAtOnce() {
		JsonClient c = json(emulator, this.hub, "u");
		c.socket().close();
		await().until(() -> !this.client.connectionExistsWithResponse(c.connectionId(), null).getValue());
	}

	@Test
	void simpleClientsInSendToGroupModePublishFrames() {
		JsonClient listener = json(emulator, this.hub, "listener", "webpubsub.joinLeaveGroup");
		listener.send("{\"type\":\"joinGroup\",\"group\":\"feed\",\"ackId\":1}");
		assertThat(listener.next()).isEqualTo(ack(1));
		TestWebSocket publisher = TestWebSocket.connect(clientUrl(emulator, this.hub, "pub", "webpubsub.sendToGroup.feed")
				+ "&webpubsub_mode=sendToGroup&group=feed");
		publisher.send("text frame");
		JsonNode text = listener.next();
		assertThat(text.path("dataType").asString()).isEqualTo("text");
		assertThat(text.path("data").asString()).isEqualTo("text frame");
		assertThat(text.path("fromUserId").asString()).isEqualTo("pub");
		publisher.sendBinary(new byte[] { 9 });
		assertThat(listener.next().path("data").asString()).isEqualTo("CQ==");

		TestWebSocket notAllowed = TestWebSocket.connect(clientUrl(emulator, this.hub, "x")
				+ "&webpubsub_mode=sendToGroup&group=feed");
		notAllowed.send("dropped");
		publisher.send("after");
		assertThat(listener.next().path("data").asString()).isEqualTo("after");
	}

	@Test
	void groupMessagesFromJsonClientsReachSimpleClientsAsFrames() {
		JsonClient sender = json(emulator, this.hub, "sender", "webpubsub.sendToGroup");
		TestWebSocket simple = TestWebSocket.connect(clientUrl(emulator, this.hub, "simple"));
		await().until(() -> this.client.userExistsWithResponse("simple", null).getValue());
		this.client.addUserToGroupWithResponse("g", "simple", null);
		sender.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"text\",\"data\":\"plain\"}");
		assertThat(simple.next()).isEqualTo("plain");
		sender.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"json\",\"data\":\"quoted\"}");
		assertThat(simple.next()).isEqualTo("\"quoted\"");
		sender.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"binary\",\"data\":\"AAE=\"}");
		assertThat(simple.next()).isEqualTo(new byte[] { 0, 1 });
	}

	@Test
	void reliableClientsAcknowledgeEventsAndGroupMessagesCarrySequenceIds() {
		JsonClient reliable = json(clientUrl(emulator, this.hub, "r", "webpubsub.joinLeaveGroup",
				"webpubsub.sendToGroup"), RELIABLE);
		reliable.send("{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":1}");
		assertThat(reliable.next()).isEqualTo(ack(1));
		reliable.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"data\":{\"n\":1},\"ackId\":2}");
		JsonNode echo = reliable.next();
		assertThat(echo.path("from").asString()).isEqualTo("group");
		assertThat(echo.path("sequenceId").asLong()).isEqualTo(1);
		assertThat(reliable.next()).isEqualTo(ack(2));
		this.client.sendToGroup("g", "from server", WebPubSubContentType.TEXT_PLAIN);
		assertThat(reliable.next().path("sequenceId").asLong()).isEqualTo(2);
	}

	@Test
	void clientsOfferingOnlyUnknownSubprotocolsAreSimpleClients() {
		TestWebSocket socket = TestWebSocket.connect(clientUrl(emulator, this.hub, "p"), "protobuf.webpubsub.azure.v1");
		assertThat(socket.subprotocol()).isEmpty();
		await().until(() -> this.client.userExistsWithResponse("p", null).getValue());
		this.client.sendToUser("p", "raw", WebPubSubContentType.TEXT_PLAIN);
		assertThat(socket.next()).isEqualTo("raw");
	}

	@Test
	void simpleClientsReceiveKeepAlivePingsAndStayConnected() {
		TestWebSocket simple = TestWebSocket.connect(clientUrl(emulator, this.hub, "s"));
		await().until(() -> this.client.userExistsWithResponse("s", null).getValue());
		this.client.sendToUser("s", "still here", WebPubSubContentType.TEXT_PLAIN);
		assertThat(simple.next()).isEqualTo("still here");
		await().until(() -> simple.pings.get() >= 2);
		assertThat(simple.closeCode).isNotDone();
	}

	@Test
	void acceptsTheTokenInAnAuthorizationHeader() throws Exception {
		String token = TestTokens.sign(emulator.accessKey(), "{\"aud\":\"" + emulator.endpoint() + "/client/hubs/"
				+ this.hub + "\",\"exp\":" + TestTokens.inOneHour() + ",\"sub\":\"header-user\"}");
		java.net.http.WebSocket socket = EmulatorTestSupport.HTTP.newWebSocketBuilder()
			.header("Authorization", "Bearer " + token)
			.subprotocols(JSON)
			.buildAsync(URI.create(emulator.endpoint().replace("http:", "ws:") + "/client/hubs/" + this.hub),
					new TestWebSocket())
			.join();
		await().until(() -> this.client.userExistsWithResponse("header-user", null).getValue());
		socket.abort();
	}

	@Test
	void plainHttpRequestsToTheClientEndpointAreRejected() {
		HttpResponse<String> response = EmulatorTestSupport.send(HttpRequest
			.newBuilder(URI.create(clientUrl(emulator, this.hub, "u").replace("ws:", "http:")))
			.GET()
			.build());
		assertThat(response.statusCode()).isEqualTo(400);
	}

	/**
	 * Signs a client token for this test's hub with the given claims besides {@code aud} and {@code exp}; the claims
	 * are written by hand to use the single-string forms the SDKs never write.
	 */
	private String signedToken(String claims) {
		return TestTokens.sign(emulator.accessKey(), "{\"aud\":\"" + emulator.endpoint() + "/client/hubs/" + this.hub
				+ "\",\"exp\":" + TestTokens.inOneHour() + "," + claims + "}");
	}

	private static JsonNode ack(long ackId) {
		return TestWebSocket.JSON.readTree("{\"type\":\"ack\",\"ackId\":" + ackId + ",\"success\":true}");
	}

}
