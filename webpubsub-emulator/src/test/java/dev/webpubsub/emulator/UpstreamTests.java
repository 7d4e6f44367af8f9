package dev.webpubsub.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.webpubsub.emulator.EmulatorTestSupport.JsonClient;
import dev.webpubsub.emulator.TestUpstream.Reply;
import dev.webpubsub.emulator.TestUpstream.Request;

import static dev.webpubsub.emulator.EmulatorTestSupport.clientUrl;
import static dev.webpubsub.emulator.EmulatorTestSupport.json;
import static dev.webpubsub.emulator.EmulatorTestSupport.sdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upstream event delivery to a real HTTP application: abuse protection, CloudEvents headers and signatures,
 * blocking connect and user events, non-blocking connected and disconnected events, retries.
 */
class UpstreamTests {

	private static final String ACCESS_KEY = "upstream-tests-key-0123456789abcdef";

	private static WebPubSubEmulator emulator;

	private static TestUpstream upstream;

	private String hub;

	private WebPubSubServiceClient client;

	@BeforeAll
	static void start() {
		upstream = new TestUpstream();
		emulator = WebPubSubEmulator.builder()
			.port(0)
			.accessKey(ACCESS_KEY)
			.upstreamRetryDelays(List.of(Duration.ofMillis(10), Duration.ofMillis(30), Duration.ofMillis(50)))
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		emulator.stop();
		upstream.close();
	}

	@BeforeEach
	void newHub() {
		this.hub = EmulatorTestSupport.newHub();
		this.client = sdk(emulator, this.hub);
		emulator.setEventHandlers(this.hub, List.of(EventHandlerSettings.allEvents(upstream.urlTemplate())));
	}

	@AfterEach
	void defaultResponder() {
		upstream.respond(TestUpstream::defaultReply);
	}

	@Test
	void validatesTheHandlerThenDeliversSignedSystemEvents() {
		JsonClient c = json(emulator, this.hub, "alice");

		Request validation = upstream.next(this.hub);
		assertThat(validation.method()).isEqualTo("OPTIONS");
		assertThat(validation.event()).isEqualTo("validate");
		assertThat(validation.header("WebHook-Request-Origin")).isEqualTo("127.0.0.1");
		assertThat(validation.header("ce-awpsversion")).isEqualTo("1.0");

		Request connect = upstream.next(this.hub);
		assertThat(connect.method()).isEqualTo("POST");
		assertThat(connect.event()).isEqualTo("connect");
		assertCloudEvent(connect, "azure.webpubsub.sys.connect", "connect", c.connectionId());
		assertThat(connect.header("ce-id")).isEqualTo("0");
		assertThat(connect.header("Content-Type")).startsWith("application/json");
		JsonNode body = connect.json();
		assertThat(TestUpstream.strings(body.path("claims").path("sub"))).containsExactly("alice");
		assertThat(body.path("query").has("access_token")).isTrue();
		assertThat(TestUpstream.strings(body.path("subprotocols"))).containsExactly("json.webpubsub.azure.v1");
		assertThat(body.path("headers").isObject()).isTrue();
		assertThat(body.path("clientCertificates").isArray()).isTrue();

		Request connected = upstream.next(this.hub);
		assertCloudEvent(connected, "azure.webpubsub.sys.connected", "connected", c.connectionId());
		assertThat(connected.header("ce-userId")).isEqualTo("alice");
		assertThat(connected.header("ce-subprotocol")).isEqualTo("json.webpubsub.azure.v1");
		assertThat(connected.json().isObject()).isTrue();

		this.client.closeConnectionWithResponse(c.connectionId(),
				new com.azure.core.http.rest.RequestOptions().addQueryParam("reason", "done"));
		Request disconnected = upstream.next(this.hub);
		assertCloudEvent(disconnected, "azure.webpubsub.sys.disconnected", "disconnected", c.connectionId());
		assertThat(disconnected.json().path("reason").asString()).isEqualTo("done");
	}

	@Test
	void connectResponseSetsIdentityGroupsRolesSubprotocolAndState() {
		upstream.respond((request) -> request.event().equals("connect") ? Reply
			.of(200, "application/json",
					"{\"userId\":\"chosen\",\"groups\":[\"g\"],\"roles\":[\"webpubsub.sendToGroup\"],"
							+ "\"subprotocol\":\"json.reliable.webpubsub.azure.v1\"}")
			.withHeader("ce-connectionState", "state-1")
			.withHeader("Set-Cookie", "session=abc; Path=/") : TestUpstream.defaultReply(request));
		TestWebSocket socket = TestWebSocket.connect(clientUrl(emulator, this.hub, null), "json.webpubsub.azure.v1",
				"json.reliable.webpubsub.azure.v1");
		assertThat(socket.subprotocol()).isEqualTo("json.reliable.webpubsub.azure.v1");
		JsonNode connectedMessage = socket.nextJson();
		assertThat(connectedMessage.path("userId").asString()).isEqualTo("chosen");
		assertThat(connectedMessage.path("reconnectionToken").asString()).isNotEmpty();
		assertThat(this.client.groupExistsWithResponse("g", null).getValue()).isTrue();
		socket.send("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"text\",\"data\":\"hi\",\"ackId\":1}");
		assertThat(socket.nextJson("ack").path("success").asBoolean()).isTrue();

		assertThat(upstream.nextEvent(this.hub).event()).isEqualTo("connect");
		Request connected = upstream.nextEvent(this.hub);
		assertThat(connected.header("ce-userId")).isEqualTo("chosen");
		assertThat(connected.header("ce-connectionState")).isEqualTo("state-1");
		assertThat(connected.header("Cookie")).isEqualTo("session=abc");
	}

	@Test
	void connectRejectionBecomesTheHandshakeStatus() {
		upstream.respond((request) -> request.event().equals("connect") ? Reply.of(401, "text/plain", "nope")
				: TestUpstream.defaultReply(request));
		assertThat(TestWebSocket.handshakeStatus(clientUrl(emulator, this.hub, "u"))).isEqualTo(401);
		upstream.respond((request) -> request.event().equals("connect") ? Reply.of(403, "text/plain", "forbidden")
				: TestUpstream.defaultReply(request));
		assertThat(TestWebSocket.handshakeStatus(clientUrl(emulator, this.hub, "u"))).isEqualTo(403);
		upstream.respond((request) -> request.event().equals("connect") ? Reply.of(503, "text/plain", "busy")
				: TestUpstream.defaultReply(request));
		assertThat(TestWebSocket.handshakeStatus(clientUrl(emulator, this.hub, "u"))).isEqualTo(503);
	}

	@Test
	void connectResponseSelectingAnUnofferedSubprotocolRejectsTheClient() {
		upstream.respond((request) -> request.event().equals("connect")
				? Reply.of(200, "application/json", "{\"subprotocol\":\"json.reliable.webpubsub.azure.v1\"}")
				: TestUpstream.defaultReply(request));
		assertThat(TestWebSocket.handshakeStatus(clientUrl(emulator, this.hub, "u"))).isEqualTo(500);
	}

	@Test
	void userEventResponsesGoBackToJsonClients() {
		upstream.respond((request) -> request.event().equals("echo")
				? Reply.of(200, "application/json", "{\"echo\":" + request.text() + "}")
					.withHeader("ce-connectionState", "after-echo")
				: TestUpstream.defaultReply(request));
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"event\",\"event\":\"echo\",\"dataType\":\"json\",\"data\":{\"n\":1},\"ackId\":5}");
		JsonNode reply = c.next();
		assertThat(reply.path("from").asString()).isEqualTo("server");
		assertThat(reply.path("dataType").asString()).isEqualTo("json");
		assertThat(reply.path("data").path("echo").path("n").asInt()).isEqualTo(1);
		assertThat(c.next().path("ackId").asLong()).isEqualTo(5);

		Request event = skipTo("echo");
		assertCloudEvent(event, "azure.webpubsub.user.echo", "echo", c.connectionId());
		assertThat(event.header("Content-Type")).isEqualTo("application/json");

		c.send("{\"type\":\"event\",\"event\":\"plain\",\"dataType\":\"text\",\"data\":\"hello\"}");
		Request plain = skipTo("plain");
		assertThat(plain.header("Content-Type")).isEqualTo("text/plain");
		assertThat(plain.text()).isEqualTo("hello");
		assertThat(plain.header("ce-connectionState")).isEqualTo("after-echo");

		c.send("{\"type\":\"event\",\"event\":\"bytes\",\"dataType\":\"binary\",\"data\":\"AQID\"}");
		Request bytes = skipTo("bytes");
		assertThat(bytes.header("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(bytes.body()).containsExactly(1, 2, 3);
	}

	@Test
	void userEventResponsesKeepTheirDataTypeForJsonClients() {
		upstream.respond((request) -> switch (request.event()) {
			case "text" -> Reply.of(200, "text/plain; charset=utf-8", "plain reply");
			case "bytes" -> new Reply(200, java.util.Map.of(), "application/octet-stream", new byte[] { 1, 2 });
			case "untyped" -> new Reply(200, java.util.Map.of(), null, new byte[] { 3 });
			default -> TestUpstream.defaultReply(request);
		});
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"event\",\"event\":\"text\",\"dataType\":\"text\",\"data\":\"x\"}");
		JsonNode text = c.next();
		assertThat(text.path("dataType").asString()).isEqualTo("text");
		assertThat(text.path("data").asString()).isEqualTo("plain reply");
		c.send("{\"type\":\"event\",\"event\":\"bytes\",\"dataType\":\"text\",\"data\":\"x\"}");
		JsonNode bytes = c.next();
		assertThat(bytes.path("dataType").asString()).isEqualTo("binary");
		assertThat(bytes.path("data").asString()).isEqualTo("AQI=");
		c.send("{\"type\":\"event\",\"event\":\"untyped\",\"dataType\":\"text\",\"data\":\"x\"}");
		JsonNode untyped = c.next();
		assertThat(untyped.path("dataType").asString()).isEqualTo("binary");
		assertThat(untyped.path("data").asString()).isEqualTo("Aw==");
	}

	@Test
	void simpleClientFramesAreMessageEventsAndResponsesAreFrames() {
		upstream.respond((request) -> {
			if (!request.event().equals("message")) {
				return TestUpstream.defaultReply(request);
			}
			return request.header("Content-Type").startsWith("text/plain")
					? Reply.of(200, "text/plain", "got " + request.text())
					: new Reply(200, java.util.Map.of(), "application/octet-stream", new byte[] { 42 });
		});
		TestWebSocket simple = TestWebSocket.connect(clientUrl(emulator, this.hub, "s"));
		simple.send("ping?");
		assertThat(simple.next()).isEqualTo("got ping?");
		simple.sendBinary(new byte[] { 1 });
		assertThat(simple.next()).isEqualTo(new byte[] { 42 });
		Request message = skipTo("message");
		assertCloudEvent(message, "azure.webpubsub.user.message", "message", message.header("ce-connectionId"));
	}

	@Test
	void userEventWithoutHandlerClosesTheConnection() {
		emulator.setEventHandlers(this.hub, List.of(EventHandlerSettings.of(upstream.urlTemplate(), "", "connect")));
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"event\",\"event\":\"unhandled\",\"data\":\"x\",\"ackId\":1}");
		JsonNode disconnected = c.next("system");
		assertThat(disconnected.path("event").asString()).isEqualTo("disconnected");
		assertThat(c.socket().awaitClose()).isEqualTo(1011);
		assertThat(this.client.connectionExistsWithResponse(c.connectionId(), null).getValue()).isFalse();
	}

	@Test
	void failingUserEventHandlerClosesTheConnection() {
		upstream.respond((request) -> request.event().equals("bad") ? Reply.of(400, "text/plain", "no")
				: TestUpstream.defaultReply(request));
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"event\",\"event\":\"bad\",\"data\":\"x\"}");
		assertThat(c.socket().awaitClose()).isEqualTo(1011);
	}

	@Test
	void retriesServerErrors() {
		AtomicInteger attempts = new AtomicInteger();
		upstream.respond((request) -> {
			if (request.event().equals("flaky")) {
				return (attempts.incrementAndGet() == 1) ? Reply.of(503, "text/plain", "busy")
						: Reply.of(200, "text/plain", "finally");
			}
			return TestUpstream.defaultReply(request);
		});
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"event\",\"event\":\"flaky\",\"data\":\"x\"}");
		assertThat(c.next().path("data").asString()).isEqualTo("finally");
		assertThat(attempts).hasValue(2);
	}

	@Test
	void givesUpAfterFourAttempts() {
		AtomicInteger attempts = new AtomicInteger();
		upstream.respond((request) -> {
			if (request.event().equals("down")) {
				attempts.incrementAndGet();
				return Reply.of(500, "text/plain", "down");
			}
			return TestUpstream.defaultReply(request);
		});
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"event\",\"event\":\"down\",\"data\":\"x\"}");
		assertThat(c.socket().awaitClose()).isEqualTo(1011);
		assertThat(attempts).hasValue(4);
	}

	@Test
	void doesNotRetryClientErrors() {
		AtomicInteger attempts = new AtomicInteger();
		upstream.respond((request) -> {
			if (request.event().equals("connect")) {
				attempts.incrementAndGet();
				return Reply.of(429, "text/plain", "slow down");
			}
			return TestUpstream.defaultReply(request);
		});
		assertThat(TestWebSocket.handshakeStatus(clientUrl(emulator, this.hub, "u"))).isEqualTo(429);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void unreachableHandlersRejectConnections() {
		emulator.setEventHandlers(this.hub, List.of(EventHandlerSettings.allEvents("http://127.0.0.1:1/{event}")));
		assertThat(TestWebSocket.handshakeStatus(clientUrl(emulator, this.hub, "u"))).isEqualTo(500);
	}

	@Test
	void failedAbuseProtectionRejectsConnections() {
		upstream.respond((request) -> request.method().equals("OPTIONS") ? Reply.of(200, "text/plain", "")
				: TestUpstream.defaultReply(request));
		emulator.setEventHandlers(this.hub,
				List.of(EventHandlerSettings.allEvents(upstream.urlTemplate() + "?variant=unvalidated")));
		assertThat(TestWebSocket.handshakeStatus(clientUrl(emulator, this.hub, "u"))).isEqualTo(500);
		assertThat(upstream.next(this.hub).method()).isEqualTo("OPTIONS");
		assertThat(upstream.queue(this.hub)).noneMatch((request) -> request.method().equals("POST"));
	}

	@Test
	void validatesEachHandlerOnceAndUsesTheFirstMatchingHandler() {
		emulator.setEventHandlers(this.hub,
				List.of(EventHandlerSettings.of(upstream.urlTemplate() + "?first", "a,b", ""),
						EventHandlerSettings.of(upstream.urlTemplate() + "?second", "*", "")));
		JsonClient c = json(emulator, this.hub, "u");
		c.send("{\"type\":\"event\",\"event\":\"b\",\"data\":\"x\",\"ackId\":1}");
		assertThat(c.next().path("success").asBoolean()).isTrue();
		c.send("{\"type\":\"event\",\"event\":\"c\",\"data\":\"x\",\"ackId\":2}");
		assertThat(c.next().path("success").asBoolean()).isTrue();
		c.send("{\"type\":\"event\",\"event\":\"a\",\"data\":\"x\",\"ackId\":3}");
		assertThat(c.next().path("success").asBoolean()).isTrue();
		List<String> seen = upstream.queue(this.hub).stream().map((r) -> r.method() + " " + r.uri()).toList();
		assertThat(seen).containsExactly("OPTIONS /" + this.hub + "/validate?first",
				"POST /" + this.hub + "/b?first", "OPTIONS /" + this.hub + "/validate?second",
				"POST /" + this.hub + "/c?second", "POST /" + this.hub + "/a?first");
	}

	@Test
	void defaultHandlersApplyToHubsWithoutTheirOwn() {
		emulator.setEventHandlers(this.hub, List.of());
		emulator.setDefaultEventHandlers(List.of(EventHandlerSettings.of(upstream.urlTemplate(), "", "connected")));
		try {
			JsonClient c = json(emulator, this.hub, "u");
			Request connected = upstream.nextEvent(this.hub);
			assertThat(connected.event()).isEqualTo("connected");
			assertThat(connected.header("ce-connectionId")).isEqualTo(c.connectionId());
		}
		finally {
			emulator.setDefaultEventHandlers(List.of());
		}
	}

	@Test
	void disconnectedIsDeliveredWhenTheClientLeaves() {
		JsonClient c = json(emulator, this.hub, "u");
		c.socket().close();
		await().until(() -> upstream.queue(this.hub).stream().anyMatch((r) -> r.event().equals("disconnected")));
		this.client.sendToAll("nobody", WebPubSubContentType.TEXT_PLAIN);
	}

	private Request skipTo(String event) {
		while (true) {
			Request request = upstream.nextEvent(this.hub);
			if (request.event().equals(event)) {
				return request;
			}
		}
	}

	private void assertCloudEvent(Request request, String type, String eventName, String connectionId) {
		assertThat(request.header("ce-specversion")).isEqualTo("1.0");
		assertThat(request.header("ce-awpsversion")).isEqualTo("1.0");
		assertThat(request.header("ce-type")).isEqualTo(type);
		assertThat(request.header("ce-eventName")).isEqualTo(eventName);
		assertThat(request.header("ce-hub")).isEqualTo(this.hub);
		assertThat(request.header("ce-connectionId")).isEqualTo(connectionId);
		assertThat(request.header("ce-source")).isEqualTo("/hubs/" + this.hub + "/client/" + connectionId);
		assertThat(request.header("ce-time")).isNotEmpty();
		assertThat(request.header("ce-id")).isNotEmpty();
		assertThat(request.header("WebHook-Request-Origin")).isEqualTo("127.0.0.1");
		assertThat(request.header("ce-signature")).isEqualTo(signature(connectionId));
	}

	private static String signature(String connectionId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(ACCESS_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
