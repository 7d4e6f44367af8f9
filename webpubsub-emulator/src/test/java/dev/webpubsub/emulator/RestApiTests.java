package dev.webpubsub.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.azure.core.http.rest.RequestOptions;
import com.azure.core.util.BinaryData;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import com.azure.messaging.webpubsub.models.WebPubSubPermission;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.webpubsub.emulator.EmulatorTestSupport.JsonClient;

import static dev.webpubsub.emulator.EmulatorTestSupport.clientUrl;
import static dev.webpubsub.emulator.EmulatorTestSupport.json;
import static dev.webpubsub.emulator.EmulatorTestSupport.rest;
import static dev.webpubsub.emulator.EmulatorTestSupport.sdk;
import static dev.webpubsub.emulator.EmulatorTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API, driven by the official Java SDK (and raw HTTP for the operations the SDK does not offer),
 * observed through real WebSocket clients.
 */
class RestApiTests extends AbstractEmulatorTests {

	@Test
	void sendToAllReachesJsonAndSimpleClientsWithTheirDataTypes() {
		JsonClient jsonClient = json(emulator, this.hub, "u1");
		TestWebSocket simple = TestWebSocket.connect(clientUrl(emulator, this.hub, "u2"));
		await().until(() -> this.client.connectionExistsWithResponse(jsonClient.connectionId(), null).getValue());
		await().until(() -> this.client.userExistsWithResponse("u2", null).getValue());

		this.client.sendToAll("Hello", WebPubSubContentType.TEXT_PLAIN);
		JsonNode text = jsonClient.next();
		assertThat(text.path("type").asString()).isEqualTo("message");
		assertThat(text.path("from").asString()).isEqualTo("server");
		assertThat(text.path("dataType").asString()).isEqualTo("text");
		assertThat(text.path("data").asString()).isEqualTo("Hello");
		assertThat(simple.next()).isEqualTo("Hello");

		this.client.sendToAll("{\"a\":1}", WebPubSubContentType.APPLICATION_JSON);
		JsonNode json = jsonClient.next();
		assertThat(json.path("dataType").asString()).isEqualTo("json");
		assertThat(json.path("data").path("a").asInt()).isEqualTo(1);
		assertThat(simple.next()).isEqualTo("{\"a\":1}");

		this.client.sendToAllWithResponse(BinaryData.fromBytes(new byte[] { 1, 2, 3 }),
				WebPubSubContentType.APPLICATION_OCTET_STREAM, 3, null);
		JsonNode binary = jsonClient.next();
		assertThat(binary.path("dataType").asString()).isEqualTo("binary");
		assertThat(binary.path("data").asString()).isEqualTo("AQID");
		assertThat(simple.next()).isEqualTo(new byte[] { 1, 2, 3 });
	}

	@Test
	void sendToAllGivesEveryClientOfEveryProtocolTheWholeMessage() {
		List<TestWebSocket> simple = List.of(TestWebSocket.connect(clientUrl(emulator, this.hub, "s1")),
				TestWebSocket.connect(clientUrl(emulator, this.hub, "s2")));
		List<JsonClient> json = List.of(json(emulator, this.hub, "j1"), json(emulator, this.hub, "j2"));
		List<JsonClient> reliable = List.of(
				json(clientUrl(emulator, this.hub, "r1"), "json.reliable.webpubsub.azure.v1"),
				json(clientUrl(emulator, this.hub, "r2"), "json.reliable.webpubsub.azure.v1"));
		await().until(() -> this.client.userExistsWithResponse("s2", null).getValue()
				&& this.client.userExistsWithResponse("s1", null).getValue());

		for (String data : List.of("Hello", "again")) {
			this.client.sendToAll(data, WebPubSubContentType.TEXT_PLAIN);
		}
		for (TestWebSocket socket : simple) {
			assertThat(socket.next()).isEqualTo("Hello");
			assertThat(socket.next()).isEqualTo("again");
		}
		for (JsonClient client : json) {
			assertThat(client.socket().nextText())
				.isEqualTo("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"Hello\"}");
			assertThat(client.next().path("data").asString()).isEqualTo("again");
		}
		for (JsonClient client : reliable) {
			assertThat(client.socket().nextText()).isEqualTo("{\"type\":\"message\",\"from\":\"server\","
					+ "\"dataType\":\"text\",\"data\":\"Hello\",\"sequenceId\":1}");
			JsonNode second = client.next();
			assertThat(second.path("data").asString()).isEqualTo("again");
			assertThat(second.path("sequenceId").asLong()).isEqualTo(2);
		}
	}

	@Test
	void sendToAllHonoursExcludedConnectionsAndFilters() {
		JsonClient a = json(emulator, this.hub, "alice");
		JsonClient b = json(emulator, this.hub, "bob");
		JsonClient c = json(emulator, this.hub, "carol");
		RequestOptions options = new RequestOptions().addQueryParam("excluded", a.connectionId())
			.addQueryParam("filter", "userId ne 'carol'")
			.setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "text/plain");
		this.client.sendToAllWithResponse(BinaryData.fromString("only bob"), options);
		this.client.sendToAll("everyone", WebPubSubContentType.TEXT_PLAIN);
		assertThat(b.next().path("data").asString()).isEqualTo("only bob");
		assertThat(a.next().path("data").asString()).isEqualTo("everyone");
		assertThat(c.next().path("data").asString()).isEqualTo("everyone");
	}

	@Test
	void groupAndUserSendsHonourFilters() {
		JsonClient alice1 = json(emulator, this.hub, "alice");
		JsonClient alice2 = json(emulator, this.hub, "alice");
		this.client.addConnectionToGroupWithResponse("g", alice1.connectionId(), null);
		this.client.addConnectionToGroupWithResponse("g", alice2.connectionId(), null);
		RequestOptions toGroup = new RequestOptions().addQueryParam("filter", "connectionId eq '"
				+ alice2.connectionId() + "'")
			.setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "text/plain");
		this.client.sendToGroupWithResponse("g", BinaryData.fromString("group filtered"), toGroup);
		RequestOptions toUser = new RequestOptions().addQueryParam("filter", "connectionId ne '"
				+ alice2.connectionId() + "'")
			.setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "text/plain");
		this.client.sendToUserWithResponse("alice", BinaryData.fromString("user filtered"), toUser);
		assertThat(alice2.next().path("data").asString()).isEqualTo("group filtered");
		assertThat(alice1.next().path("data").asString()).isEqualTo("user filtered");
		this.client.sendToAll("last", WebPubSubContentType.TEXT_PLAIN);
		assertThat(alice1.next().path("data").asString()).isEqualTo("last");
		assertThat(alice2.next().path("data").asString()).isEqualTo("last");
	}

	@Test
	void sendsToAUserAConnectionAndAGroup() {
		JsonClient alice1 = json(emulator, this.hub, "alice");
		JsonClient alice2 = json(emulator, this.hub, "alice");
		JsonClient bob = json(emulator, this.hub, "bob");
		this.client.sendToUser("alice", "to alice", WebPubSubContentType.TEXT_PLAIN);
		assertThat(alice1.next().path("data").asString()).isEqualTo("to alice");
		assertThat(alice2.next().path("data").asString()).isEqualTo("to alice");

		this.client.sendToConnection(bob.connectionId(), "to bob", WebPubSubContentType.TEXT_PLAIN);
		assertThat(bob.next().path("data").asString()).isEqualTo("to bob");

		this.client.addConnectionToGroupWithResponse("g 1/x", alice2.connectionId(), null);
		this.client.sendToGroup("g 1/x", "to group", WebPubSubContentType.TEXT_PLAIN);
		JsonNode groupMessage = alice2.next();
		assertThat(groupMessage.path("from").asString()).isEqualTo("server");
		assertThat(groupMessage.path("data").asString()).isEqualTo("to group");

		this.client.sendToAll("last", WebPubSubContentType.TEXT_PLAIN);
		assertThat(alice1.next().path("data").asString()).isEqualTo("last");
		assertThat(bob.next().path("data").asString()).isEqualTo("last");
	}

	@Test
	void managesConnectionGroupMembership() {
		JsonClient a = json(emulator, this.hub, "a");
		JsonClient b = json(emulator, this.hub, "b");
		assertThat(this.client.groupExistsWithResponse("g", null).getValue()).isFalse();
		this.client.addConnectionToGroupWithResponse("g", a.connectionId(), null);
		this.client.addConnectionToGroupWithResponse("h", a.connectionId(), null);
		assertThat(this.client.groupExistsWithResponse("g", null).getValue()).isTrue();

		this.client.removeConnectionFromGroupWithResponse("g", a.connectionId(), null);
		assertThat(this.client.groupExistsWithResponse("g", null).getValue()).isFalse();
		assertThat(this.client.groupExistsWithResponse("h", null).getValue()).isTrue();
		this.client.removeConnectionFromAllGroupsWithResponse(a.connectionId(), null);
		assertThat(this.client.groupExistsWithResponse("h", null).getValue()).isFalse();

		this.client.addConnectionsToGroups(List.of("x", "y"), "userId eq 'b'");
		this.client.sendToGroup("y", "to y", WebPubSubContentType.TEXT_PLAIN);
		this.client.sendToAll("to all", WebPubSubContentType.TEXT_PLAIN);
		assertThat(b.next().path("data").asString()).isEqualTo("to y");
		assertThat(a.next().path("data").asString()).isEqualTo("to all");

		HttpResponse<String> removed = send(rest(emulator, "/api/hubs/" + this.hub + "/:removeFromGroups?api-version=2024-12-01")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"groups\":[\"x\"],\"filter\":\"'x' in groups\"}"))
			.build());
		assertThat(removed.statusCode()).isEqualTo(200);
		assertThat(this.client.groupExistsWithResponse("x", null).getValue()).isFalse();
		assertThat(this.client.groupExistsWithResponse("y", null).getValue()).isTrue();
	}

	@Test
	void managesUserGroupMembershipIncludingLaterConnections() {
		JsonClient first = json(emulator, this.hub, "user1");
		this.client.addUserToGroupWithResponse("team", "user1", null);
		JsonClient second = json(emulator, this.hub, "user1");
		this.client.sendToGroup("team", "hi team", WebPubSubContentType.TEXT_PLAIN);
		assertThat(first.next().path("data").asString()).isEqualTo("hi team");
		assertThat(second.next().path("data").asString()).isEqualTo("hi team");

		this.client.removeUserFromGroupWithResponse("team", "user1", null);
		assertThat(this.client.groupExistsWithResponse("team", null).getValue()).isFalse();
		this.client.addUserToGroupWithResponse("a", "user1", null);
		this.client.addUserToGroupWithResponse("b", "user1", null);
		this.client.removeUserFromAllGroupsWithResponse("user1", null);
		assertThat(this.client.groupExistsWithResponse("a", null).getValue()).isFalse();
		assertThat(this.client.groupExistsWithResponse("b", null).getValue()).isFalse();
	}

	@Test
	void grantsChecksAndRevokesPermissions() {
		JsonClient c = json(emulator, this.hub, "u");
		RequestOptions target = new RequestOptions().addQueryParam("targetName", "g1");
		assertThat(this.client.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, c.connectionId(),
				target).getValue()).isFalse();
		c.send("{\"type\":\"sendToGroup\",\"group\":\"g1\",\"data\":\"x\",\"ackId\":1}");
		assertThat(c.next("ack").path("error").path("name").asString()).isEqualTo("Forbidden");

		this.client.grantPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, c.connectionId(),
				new RequestOptions().addQueryParam("targetName", "g1"));
		assertThat(this.client.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, c.connectionId(),
				new RequestOptions().addQueryParam("targetName", "g1")).getValue()).isTrue();
		assertThat(this.client.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, c.connectionId(),
				new RequestOptions().addQueryParam("targetName", "g2")).getValue()).isFalse();
		c.send("{\"type\":\"sendToGroup\",\"group\":\"g1\",\"data\":\"x\",\"ackId\":2}");
		assertThat(c.next("ack").path("success").asBoolean()).isTrue();

		this.client.grantPermissionWithResponse(WebPubSubPermission.JOIN_LEAVE_GROUP, c.connectionId(), null);
		assertThat(this.client.checkPermissionWithResponse(WebPubSubPermission.JOIN_LEAVE_GROUP, c.connectionId(),
				new RequestOptions().addQueryParam("targetName", "any")).getValue()).isTrue();
		c.send("{\"type\":\"joinGroup\",\"group\":\"any\",\"ackId\":3}");
		assertThat(c.next("ack").path("success").asBoolean()).isTrue();

		this.client.revokePermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, c.connectionId(),
				new RequestOptions().addQueryParam("targetName", "g1"));
		assertThat(this.client.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, c.connectionId(),
				new RequestOptions().addQueryParam("targetName", "g1")).getValue()).isFalse();
		c.send("{\"type\":\"sendToGroup\",\"group\":\"g1\",\"data\":\"x\",\"ackId\":4}");
		assertThat(c.next("ack").path("error").path("name").asString()).isEqualTo("Forbidden");
	}

	@Test
	void closesConnectionsWithReasons() {
		JsonClient one = json(emulator, this.hub, "one");
		this.client.closeConnectionWithResponse(one.connectionId(),
				new RequestOptions().addQueryParam("reason", "bye now"));
		JsonNode disconnected = one.next("system");
		assertThat(disconnected.path("event").asString()).isEqualTo("disconnected");
		assertThat(disconnected.path("message").asString()).isEqualTo("bye now");
		one.socket().awaitClose();
		assertThat(this.client.connectionExistsWithResponse(one.connectionId(), null).getValue()).isFalse();

		JsonClient a = json(emulator, this.hub, "a");
		JsonClient b = json(emulator, this.hub, "b");
		JsonClient c = json(emulator, this.hub, "c");
		JsonClient d = json(emulator, this.hub, "d");
		this.client.addConnectionToGroupWithResponse("g", b.connectionId(), null);
		this.client.closeGroupConnectionsWithResponse("g", null);
		b.socket().awaitClose();
		this.client.closeUserConnectionsWithResponse("c", null);
		c.socket().awaitClose();
		assertThat(this.client.userExistsWithResponse("c", null).getValue()).isFalse();
		this.client.closeAllConnectionsWithResponse(new RequestOptions().addQueryParam("excluded", d.connectionId()));
		a.socket().awaitClose();
		assertThat(this.client.connectionExistsWithResponse(d.connectionId(), null).getValue()).isTrue();
	}

	@Test
	void longCloseReasonsReachJsonClientsWholeAndFitTheCloseFrame() {
		JsonClient c = json(emulator, this.hub, "u");
		String reason = "é".repeat(100);
		this.client.closeConnectionWithResponse(c.connectionId(),
				new RequestOptions().addQueryParam("reason", reason));
		assertThat(c.next("system").path("message").asString()).isEqualTo(reason);
		assertThat(c.socket().awaitClose()).isEqualTo(1000);
		assertThat(c.socket().closeReason).isEqualTo("é".repeat(61));
	}

	@Test
	void answersHealthChecks() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/api/health"))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void generatesClientTokensThatConnect() {
		HttpResponse<String> response = send(rest(emulator, "/api/hubs/" + this.hub
				+ "/:generateToken?api-version=2024-12-01&userId=gen&role=webpubsub.joinLeaveGroup&group=g1&minutesToExpire=5")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
		String token = TestWebSocket.JSON.readTree(response.body()).path("token").asString();
		JsonClient c = json(emulator.endpoint().replace("http", "ws") + "/client/hubs/" + this.hub
				+ "?access_token=" + token, "json.webpubsub.azure.v1");
		assertThat(c.connected().path("userId").asString()).isEqualTo("gen");
		assertThat(this.client.groupExistsWithResponse("g1", null).getValue()).isTrue();
		c.send("{\"type\":\"joinGroup\",\"group\":\"g2\",\"ackId\":1}");
		assertThat(c.next("ack").path("success").asBoolean()).isTrue();
	}

	@Test
	void listsGroupConnectionsPageByPage() {
		JsonClient a = json(emulator, this.hub, "a");
		JsonClient b = json(emulator, this.hub, "b");
		JsonClient c = json(emulator, this.hub, "c");
		for (JsonClient member : List.of(a, b, c)) {
			this.client.addConnectionToGroupWithResponse("g", member.connectionId(), null);
		}
		HttpResponse<String> first = send(
				rest(emulator, "/api/hubs/" + this.hub + "/groups/g/connections?api-version=2024-12-01&maxpagesize=2")
					.GET()
					.build());
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode page = TestWebSocket.JSON.readTree(first.body());
		assertThat(page.path("value").size()).isEqualTo(2);
		String nextLink = page.path("nextLink").asString();
		HttpResponse<String> second = send(rest(emulator, nextLink.substring(emulator.endpoint().length())).GET().build());
		JsonNode last = TestWebSocket.JSON.readTree(second.body());
		assertThat(last.path("value").size()).isEqualTo(1);
		assertThat(last.has("nextLink")).isFalse();
		assertThat(last.path("value").get(0).path("userId").asString()).isIn("a", "b", "c");
	}

	@Test
	void rejectsBadRequestsWithErrorCodes() {
		HttpResponse<String> forged = send(HttpRequest
			.newBuilder(URI.create(emulator.endpoint() + "/api/hubs/" + this.hub + "/:send?api-version=2024-12-01"))
			.header("Authorization", "Bearer " + TestTokens.sign("wrong key", "{\"aud\":\"" + emulator.endpoint()
					+ "/api/hubs/" + this.hub + "/:send\",\"exp\":" + TestTokens.inOneHour() + "}"))
			.POST(HttpRequest.BodyPublishers.ofString("x"))
			.build());
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.headers().firstValue("x-ms-error-code")).hasValue("Unauthorized");
		assertThat(forged.body()).contains("signature");

		HttpResponse<String> noVersion = send(rest(emulator, "/api/hubs/" + this.hub + "/:send")
			.POST(HttpRequest.BodyPublishers.ofString("x"))
			.build());
		assertThat(noVersion.statusCode()).isEqualTo(400);
		assertThat(noVersion.headers().firstValue("x-ms-error-code")).hasValue("MissingApiVersionParameter");

		HttpResponse<String> badHub = send(rest(emulator, "/api/hubs/1bad/:send?api-version=2024-12-01")
			.POST(HttpRequest.BodyPublishers.ofString("x"))
			.build());
		assertThat(badHub.statusCode()).isEqualTo(400);
		assertThat(badHub.headers().firstValue("x-ms-error-code")).hasValue("InvalidHubName");

		HttpResponse<String> badFilter = send(rest(emulator,
				"/api/hubs/" + this.hub + "/:send?api-version=2024-12-01&filter=userId%20eq")
			.POST(HttpRequest.BodyPublishers.ofString("x"))
			.build());
		assertThat(badFilter.statusCode()).isEqualTo(400);
		assertThat(badFilter.body()).contains("Invalid filter");

		HttpResponse<String> badTtl = send(rest(emulator,
				"/api/hubs/" + this.hub + "/:send?api-version=2024-12-01&messageTtlSeconds=301")
			.POST(HttpRequest.BodyPublishers.ofString("x"))
			.build());
		assertThat(badTtl.statusCode()).isEqualTo(400);

		HttpResponse<String> tooLarge = send(rest(emulator, "/api/hubs/" + this.hub + "/:send?api-version=2024-12-01")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]))
			.build());
		assertThat(tooLarge.statusCode()).isEqualTo(413);

		HttpResponse<String> unknown = send(rest(emulator, "/api/hubs/" + this.hub + "/nothing/here?api-version=2024-12-01")
			.GET()
			.build());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("x-ms-error-code")).hasValue("NotFound");
	}

	@Test
	void acceptsTokensWhoseAudienceOmitsTheQuery() {
		JsonClient c = json(emulator, this.hub, "u");
		String path = "/api/hubs/" + this.hub + "/:send";
		String token = TestTokens.sign(emulator.accessKey(),
				"{\"aud\":\"" + emulator.endpoint() + path + "\",\"exp\":" + TestTokens.inOneHour() + "}");
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(emulator.endpoint() + path + "?api-version=2024-12-01"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("no query in aud", StandardCharsets.UTF_8))
			.build());
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(c.next().path("data").asString()).isEqualTo("no query in aud");
	}

}
