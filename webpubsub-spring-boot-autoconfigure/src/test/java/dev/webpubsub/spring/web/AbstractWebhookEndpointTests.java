package dev.webpubsub.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import dev.webpubsub.spring.event.ClientCertificate;
import dev.webpubsub.spring.event.ConnectEventRequest;
import dev.webpubsub.spring.event.ConnectEventResponse;
import dev.webpubsub.spring.event.ConnectedEventRequest;
import dev.webpubsub.spring.event.EventErrorResponse;
import dev.webpubsub.spring.event.GroupJoinedEventRequest;
import dev.webpubsub.spring.event.MqttConnectEventErrorResponse;
import dev.webpubsub.spring.event.MqttConnectEventRequest;
import dev.webpubsub.spring.event.MqttDisconnectedEventRequest;
import dev.webpubsub.spring.event.MqttUserProperty;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.UserEventResponse;
import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.event.WebPubSubDataType;
import dev.webpubsub.spring.event.WebPubSubErrorCode;
import dev.webpubsub.spring.event.WebPubSubEventException;
import dev.webpubsub.spring.handler.WebPubSubContext;
import dev.webpubsub.spring.test.WebPubSubEventBuilder;
import dev.webpubsub.spring.test.WebPubSubEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Behaviour of the webhook endpoint, run against each web stack. Vectors come from reference-behaviour.md §2.2–§2.4
 * and §2.7 (the C# extension's tests); where design.md §7 decides differently, the test asserts §7 and its name says
 * so. The §2.4 vectors of script-language JSON returns (a JArray or an unknown {@code dataType} answering 500) and
 * of output actions have no counterpart here: Java handlers return typed values, checked at start-up, and actions
 * belong to the template.
 */
@WebhookTestProperties
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractWebhookEndpointTests {

	static final String KEY = "7aab239577fd4f24bc919802fb629f5f";

	static final String CONNECTION_ID = "0f9c97a2f0bf4706afe87a14e0797b11";

	static final String SIGNATURE = "sha256=7767effcb3946f3e1de039df4b986ef02c110b1469d02c0a06f41b3b727ab561";

	static final String TRIGGER_KEY = "trigger-key-0123456789";

	static final String MQTT_CONNECT_BODY = """
			{"mqtt":{"protocolVersion":%d,"username":"username","password":"password",\
			"userProperties":[{"name":"a","value":"b"}]},\
			"claims":{"iat":["1723005952"],"exp":["1726605954"],"aud":["ws://localhost:8080/clients/mqtt/hubs/simplechat"],\
			"http://schemas.microsoft.com/ws/2008/06/identity/claims/role":["webpubsub.sendToGroup","webpubsub.joinLeaveGroup"],\
			"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier":["user1"],\
			"role":["webpubsub.sendToGroup","webpubsub.joinLeaveGroup"],"nameid":["user1"]},\
			"query":{"access_token":["REDATED"]},"headers":{"Sec-WebSocket-Protocol":["mqtt"]},"subprotocols":["mqtt"],\
			"clientCertificates":[{"thumbprint":"thumbprint","content":"certificate content"}]}""";

	@Autowired
	TestEventHandlers handlers;

	@Autowired
	ContextController contextController;

	/**
	 * Sends a request to the endpoint of the stack under test.
	 * @param event the request
	 * @return the response
	 */
	abstract Response send(WebPubSubEventBuilder event);

	@BeforeEach
	void resetHandlers() {
		this.handlers.reset();
	}

	static WebPubSubEventBuilder connected() {
		return WebPubSubEvents.connected("testhub").connectionId(CONNECTION_ID).userId("testuser").signedWith(KEY);
	}

	@Test
	void signatureOfTheTestBuilderMatchesReferenceVector() {
		assertThat(WebPubSubEvents.signature(CONNECTION_ID, KEY)).isEqualTo(SIGNATURE);
	}

	@Test
	void validConnectedEventAnswers204WhereExtensionAnswers200() {
		Response response = send(connected().signature(SIGNATURE));
		assertThat(response.status()).isEqualTo(204);
		assertThat(this.handlers.received.get()).isInstanceOf(ConnectedEventRequest.class);
	}

	@Test
	void eventWithoutUserIdIsHandled() {
		Response response = send(WebPubSubEvents.connected("testhub").connectionId(CONNECTION_ID).signedWith(KEY));
		assertThat(response.status()).isEqualTo(204);
		WebPubSubConnectionContext context = ((ConnectedEventRequest) this.handlers.received.get())
			.getConnectionContext();
		assertThat(context.getUserId()).isNull();
		assertThat(context.getConnectionId()).isEqualTo(CONNECTION_ID);
		assertThat(context.getOrigin()).isEqualTo("localhost");
	}

	@Test
	void hubWithoutHandlerAnswers404() {
		Response response = send(WebPubSubEvents.connected("hub1").connectionId(CONNECTION_ID).signedWith(KEY));
		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void hubIsMatchedCaseInsensitively() {
		assertThat(send(WebPubSubEvents.connected("TestHub").connectionId(CONNECTION_ID).signedWith(KEY)).status())
			.isEqualTo(204);
	}

	@Test
	void wrongSignatureAnswers401() {
		Response response = send(connected().signature("abc"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.text()).isEqualTo("Signature validation failed");
		assertThat(this.handlers.received.get()).isNull();
	}

	@Test
	void forgedSignatureWithAnotherKeyAnswers401() {
		Response response = send(WebPubSubEvents.connected("testhub").connectionId(CONNECTION_ID)
			.signedWith("an-attackers-key"));
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void signatureOfAnotherConnectionIdAnswers401() {
		Response response = send(connected().signature(WebPubSubEvents.signature("other-connection", KEY)));
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void missingSignatureAnswers401() {
		assertThat(send(connected().withoutHeader("ce-signature")).status()).isEqualTo(401);
	}

	@Test
	void upperCaseSignatureIsAccepted() {
		assertThat(send(connected().signature(SIGNATURE.toUpperCase().replace("SHA256=", "sha256="))).status())
			.isEqualTo(204);
	}

	@Test
	void rotatedKeysValidateWithEitherKeyTheServiceSigns() {
		// The service signs with its primary and secondary key; the app holds only one of them.
		assertThat(send(connected().signedWith("new-primary-key")).status()).isEqualTo(204);
		assertThat(send(WebPubSubEvents.connected("testhub").connectionId(CONNECTION_ID)
			.signedWith("new-primary-key", "new-secondary-key")).status()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sha256=something,%s", "sha256=something, %s", "%s, sha256=something",
			"%s,sha256=something" })
	void multiSignatureVectorsReplayedAsPostAreAccepted(String format) {
		assertThat(send(connected().signature(format.formatted(SIGNATURE))).status()).isEqualTo(204);
	}

	@Test
	void deleteWithoutConnectionIdAnswers405WhereExtensionAnswers400() {
		Response response = send(connected().withoutHeader("ce-connectionId").method(HttpMethod.DELETE));
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.headers().getFirst(HttpHeaders.ALLOW)).isEqualTo("POST, OPTIONS");
	}

	@Test
	void deleteWithValidSignatureAnswers405WhereExtensionAnswers400() {
		Response response = send(connected().method(HttpMethod.DELETE));
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.headers().getFirst(HttpHeaders.ALLOW)).isEqualTo("POST, OPTIONS");
		assertThat(this.handlers.received.get()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ce-connectionId", "ce-hub", "ce-type", "ce-eventName", "WebHook-Request-Origin" })
	void missingRequiredHeaderAnswers400NamingIt(String header) {
		Response response = send(connected().withoutHeader(header));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("Missing required header " + header);
	}

	@Test
	void abuseProtectionForConnectionHostEchoesOriginWhereExtensionAnswersStar() {
		Response response = send(WebPubSubEvents.abuseProtection("localhost"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().getFirst("WebHook-Allowed-Origin")).isEqualTo("localhost");
	}

	@Test
	void abuseProtectionForAllowedOriginEchoesIt() {
		Response response = send(WebPubSubEvents.abuseProtection("abc.com"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().getFirst("WebHook-Allowed-Origin")).isEqualTo("abc.com");
	}

	@Test
	void abuseProtectionWithSeveralOriginsEchoesTheOneThatMatches() {
		Response response = send(WebPubSubEvents.abuseProtection("ddd.com,abc.com"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().getFirst("WebHook-Allowed-Origin")).isEqualTo("abc.com");
	}

	@Test
	void abuseProtectionAsGetAnswers405WhereExtensionAnswers200() {
		Response response = send(WebPubSubEvents.abuseProtection("abc.com").method(HttpMethod.GET));
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.headers().getFirst("WebHook-Allowed-Origin")).isNull();
	}

	@Test
	void abuseProtectionForUnknownOriginAnswers400() {
		Response response = send(WebPubSubEvents.abuseProtection("def.com"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers().getFirst("WebHook-Allowed-Origin")).isNull();
	}

	@Test
	void abuseProtectionWithoutOriginAnswers400() {
		assertThat(send(WebPubSubEvents.abuseProtection("x").withoutHeader("WebHook-Request-Origin")).status())
			.isEqualTo(400);
	}

	@Test
	void abuseProtectionAcceptsHostOfAHandlersOwnConnection() {
		assertThat(send(WebPubSubEvents.abuseProtection("trigger.example.com")).status()).isEqualTo(200);
		assertThat(send(WebPubSubEvents.abuseProtection("stranger.example.com")).status()).isEqualTo(400);
	}

	@Test
	void handlersOwnConnectionBeatsTheDefaultConnection() {
		WebPubSubEventBuilder trigger = WebPubSubEvents.connected("triggerhub").connectionId(CONNECTION_ID);
		assertThat(send(trigger.origin("trigger.example.com").signedWith(TRIGGER_KEY)).status()).isEqualTo(204);
		WebPubSubEventBuilder fromDefault = WebPubSubEvents.connected("triggerhub").connectionId(CONNECTION_ID);
		assertThat(send(fromDefault.origin("localhost").signedWith(KEY)).status()).isEqualTo(401);
	}

	@Test
	void handlerWithoutConnectionFallsBackToTheDefaultConnection() {
		assertThat(send(connected().origin("localhost")).status()).isEqualTo(204);
		assertThat(send(connected().origin("stranger.example.com")).status()).isEqualTo(401);
		assertThat(send(connected().origin("trigger.example.com").signedWith(TRIGGER_KEY)).status())
			.isEqualTo(401);
	}

	@Test
	void identityBasedConnectionSkipsSignatureButChecksOrigin() {
		WebPubSubEventBuilder event = WebPubSubEvents.connected("identityhub").connectionId(CONNECTION_ID);
		assertThat(send(event.origin("identity.example.com").signature("sha256=bogus")).status()).isEqualTo(204);
		WebPubSubEventBuilder stranger = WebPubSubEvents.connected("identityhub").connectionId(CONNECTION_ID);
		assertThat(send(stranger.origin("localhost").signedWith(KEY)).status()).isEqualTo(401);
	}

	@Test
	void unsupportedUserEventMediaTypeAnswers400() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").connectionId(CONNECTION_ID)
			.signedWith(KEY).body("Hello".getBytes(StandardCharsets.UTF_8), "application/xml"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text())
			.isEqualTo("Message data only supports text, binary, json. Current value is: application/xml");
		assertThat(this.handlers.received.get()).isNull();
	}

	@Test
	void textThatIsNotUtf8Answers400() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY)
			.body(new byte[] { (byte) 0xC3, (byte) 0x28 }, "text/plain"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("Message data is not valid UTF-8 text");
	}

	@Test
	void malformedConnectBodyAnswers400() {
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY)
			.body("{\"claims\":".getBytes(StandardCharsets.UTF_8), "application/json"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("Request body is not valid JSON");
	}

	@Test
	void connectionStateThatIsNotBase64Answers400() {
		Response response = send(connected().header("ce-connectionState", "%%%not-base64%%%"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("Header ce-connectionState is not base64-encoded JSON");
	}

	@Test
	void bodyOverTheLimitAnswers413() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY)
			.binary(new byte[5 * 1024]));
		assertThat(response.status()).isEqualTo(413);
		assertThat(this.handlers.received.get()).isNull();
	}

	@Test
	void bodyAtTheLimitIsAccepted() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY)
			.binary(new byte[4 * 1024]));
		assertThat(response.status()).isEqualTo(204);
	}

	@Test
	void handlerErrorCodeExceptionAnswersItsStatusAndMessage() {
		this.handlers.behaviour.set((request) -> {
			throw new WebPubSubEventException(WebPubSubErrorCode.UNAUTHORIZED, "Not on the guest list");
		});
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.text()).isEqualTo("Not on the guest list");
	}

	@Test
	void handlerFailureAnswers500WithoutItsMessageWhereExtensionSendsTheExceptionText() {
		this.handlers.behaviour.set((request) -> {
			throw new IllegalStateException("database password is hunter2");
		});
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY).text("hi"));
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.text()).isEqualTo("Internal server error while handling the event")
			.doesNotContain("hunter2");
	}

	@Test
	void replyThatCannotBeSerialisedAnswers500() {
		this.handlers.behaviour.set((request) -> new Unserialisable());
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY).text("hi"));
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.text()).isEqualTo("Internal server error while handling the event");
	}

	@Test
	void connectReturningAUserEventReplyAnswers500LikeTheExtension(CapturedOutput output) {
		this.handlers.behaviour.set((request) -> UserEventResponse.text("wrong"));
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY));
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.text()).isEqualTo("Invalid response type");
		assertThat(output).contains("Web PubSub event handler testEventHandlers.connect(ConnectEventRequest) returned "
				+ "dev.webpubsub.spring.event.UserEventResponse, which connect events cannot return");
	}

	@Test
	void asyncHandlerFailureIsAnsweredLikeASynchronousOne() {
		this.handlers.behaviour.set((request) -> java.util.concurrent.CompletableFuture.failedFuture(
				new WebPubSubEventException(WebPubSubErrorCode.USER_ERROR, "later")));
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY).text("hi"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("later");
	}

	@Test
	void nonBlockingEventHandlerFailureIsStillAcknowledgedWith204WhereExtensionAnswers200() {
		this.handlers.behaviour.set((request) -> {
			throw new IllegalStateException("boom");
		});
		assertThat(send(connected()).status()).isEqualTo(204);
	}

	@Test
	void connectWithoutResponseAnswers204() {
		assertThat(send(WebPubSubEvents.connect("testhub").signedWith(KEY)).status()).isEqualTo(204);
	}

	@Test
	void connectResponseIsWrittenAsJson() throws Exception {
		this.handlers.behaviour.set((request) -> ConnectEventResponse.builder()
			.userId("alice")
			.groups("group1")
			.roles("webpubsub.joinLeaveGroup")
			.subprotocol("json.webpubsub.azure.v1")
			.build());
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().getContentType().toString()).startsWith("application/json");
		JSONAssert.assertEquals("{\"userId\":\"alice\",\"groups\":[\"group1\"],\"roles\":[\"webpubsub.joinLeaveGroup\"],"
				+ "\"subprotocol\":\"json.webpubsub.azure.v1\"}", response.text(), JSONCompareMode.STRICT);
		assertThat(response.headers().getFirst("ce-connectionState")).isNull();
	}

	@Test
	void connectionContextHoldsAReadOnlyCopyOfEveryRequestHeader() {
		send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY).text("hi"));
		WebPubSubConnectionContext context = ((UserEventRequest) this.handlers.received.get()).getConnectionContext();
		Map<String, List<String>> headers = context.getHeaders();
		assertThat(headers.entrySet()).anySatisfy((header) -> {
			assertThat(header.getKey()).isEqualToIgnoringCase("ce-hub");
			assertThat(header.getValue()).containsExactly("testhub");
		});
		assertThat(headers.entrySet()).anySatisfy((header) -> {
			assertThat(header.getKey()).isEqualToIgnoringCase("ce-eventName");
			assertThat(header.getValue()).containsExactly("message");
		});
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> headers.put("x-added", List.of("x")));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> headers.values().iterator().next().add("x"));
	}

	@Test
	void connectRequestVectorIsRead() {
		send(WebPubSubEvents.connect("testhub").signedWith(KEY).json("""
				{"claims":{"sub":["user1"],"role":["send","join"]},"query":{"access_token":["token"]},\
				"subprotocols":["protocol1","protocol2"],"clientCertificates":[{"thumbprint":"tp1","content":"c1"},\
				{"thumbprint":"tp2"}],"headers":{"request-id":["aaa"]}}"""));
		ConnectEventRequest request = (ConnectEventRequest) this.handlers.received.get();
		assertThat(request.getClaims()).containsExactly(Map.entry("sub", java.util.List.of("user1")),
				Map.entry("role", java.util.List.of("send", "join")));
		assertThat(request.getQuery()).containsEntry("access_token", java.util.List.of("token"));
		assertThat(request.getSubprotocols()).containsExactly("protocol1", "protocol2");
		assertThat(request.getClientCertificates()).containsExactly(new ClientCertificate("tp1", "c1"),
				new ClientCertificate("tp2", null));
		assertThat(request.getHeaders()).containsEntry("request-id", java.util.List.of("aaa"));
	}

	@Test
	void connectErrorResponseVectorAnswers401WithMessageAndNoStates() {
		this.handlers.behaviour
			.set((request) -> new EventErrorResponse(WebPubSubErrorCode.UNAUTHORIZED, "not valid user."));
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY).state("testKey", "value"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.text()).isEqualTo("not valid user.");
		assertThat(response.headers().getFirst("ce-connectionState")).isNull();
	}

	@Test
	void connectResponseKeepsExistingStatesVector() {
		this.handlers.behaviour.set((request) -> ConnectEventResponse.builder().userId("aaa").build());
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY).state("testKey", "value"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(decodeStates(response)).containsOnlyKeys("testKey").containsEntry("testKey", "value");
	}

	@Test
	void connectResponseStatesAreMergedOverRequestStates() {
		this.handlers.behaviour.set((request) -> ConnectEventResponse.builder()
			.userId("aaa")
			.state("a", "b")
			.state("a", "c")
			.state("testKey", "new")
			.build());
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY).state("testKey", "old")
			.state("kept", "yes"));
		assertThat(decodeStates(response)).containsOnly(Map.entry("testKey", "new"), Map.entry("kept", "yes"),
				Map.entry("a", "c"));
	}

	@Test
	void clearedStatesDropRequestStates() {
		this.handlers.behaviour
			.set((request) -> ConnectEventResponse.builder().clearStates().state("fresh", "1").build());
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY).state("old", "x"));
		assertThat(decodeStates(response)).containsOnly(Map.entry("fresh", "1"));
	}

	@Test
	void requestStatesReachTheConnectionContext() {
		send(connected().state("counter", "41"));
		WebPubSubConnectionContext context = ((ConnectedEventRequest) this.handlers.received.get())
			.getConnectionContext();
		assertThat(context.getState("counter")).isEqualTo("41");
	}

	@ParameterizedTest
	@MethodSource("userResponseVectors")
	void userEventResponseVectorsSetContentType(UserEventResponse reply, String contentType) {
		this.handlers.behaviour.set((request) -> reply);
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY).text("x"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("test");
		assertThat(response.headers().getContentType().toString()).startsWith(contentType);
	}

	static Stream<Arguments> userResponseVectors() {
		return Stream.of(
				Arguments.of(UserEventResponse.binary("test".getBytes(StandardCharsets.UTF_8)),
						"application/octet-stream"),
				Arguments.of(UserEventResponse.json("test"), "application/json"),
				Arguments.of(UserEventResponse.text("test"), "text/plain"));
	}

	@Test
	void userEventRequestCarriesDataAndType() {
		send(WebPubSubEvents.userEvent("testhub", "message").userId("u1").signedWith(KEY).json("{\"a\":1}"));
		UserEventRequest request = (UserEventRequest) this.handlers.received.get();
		assertThat(request.getDataAsString()).isEqualTo("{\"a\":1}");
		assertThat(request.getDataType()).isEqualTo(WebPubSubDataType.JSON);
		assertThat(request.getConnectionContext().getEventName()).isEqualTo("message");
	}

	@Test
	void stringReturnIsATextReply() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "echo").signedWith(KEY).text("hi"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("TEXT:hi");
		assertThat(response.headers().getContentType().toString()).startsWith("text/plain");
	}

	@Test
	void pojoDataIsReadAndObjectReturnIsAJsonReply() throws Exception {
		Response response = send(WebPubSubEvents.userEvent("testhub", "pojo").signedWith(KEY)
			.json("{\"name\":\"Ada\"}"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().getContentType().toString()).startsWith("application/json");
		JSONAssert.assertEquals("{\"reply\":\"hello Ada\"}", response.text(), JSONCompareMode.STRICT);
	}

	@Test
	void dataThatDoesNotFitThePojoAnswers400() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "pojo").signedWith(KEY).json("[1,2"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("Message data cannot be read as Greeting JSON");
	}

	@Test
	void jsonTreeDataIsBound() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "tree").signedWith(KEY)
			.json("{\"items\":[1,2]}"));
		assertThat(response.text()).isEqualTo("[1,2]");
	}

	@Test
	void completableFutureReturnIsAwaited() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "future").signedWith(KEY).text("done"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("future done");
	}

	@Test
	void monoReturnIsAwaitedWithStates() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "mono").signedWith(KEY)
			.binary(new byte[] { 1, 2, 3 }));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsExactly(1, 2, 3);
		assertThat(decodeStates(response)).containsOnly(Map.entry("seen", "yes"));
	}

	@Test
	void disconnectedReasonIsRead() {
		send(WebPubSubEvents.disconnected("testhub").signedWith(KEY).reason("closed by client"));
		assertThat(((dev.webpubsub.spring.event.DisconnectedEventRequest) this.handlers.received.get()).getReason())
			.isEqualTo("closed by client");
	}

	@Test
	void groupJoinedVectorRoutesAsUserEventJoined() {
		Response response = send(WebPubSubEvents.groupPresence("testhub", true, "myGroup").userId("user1")
			.signedWith(KEY));
		assertThat(response.status()).isEqualTo(204);
		GroupJoinedEventRequest request = (GroupJoinedEventRequest) this.handlers.received.get();
		assertThat(request.getGroup()).isEqualTo("myGroup");
		assertThat(request.getConnectionContext().getEventName()).isEqualTo("joined");
	}

	@Test
	void mqttConnectV5ResponseVector() throws Exception {
		this.handlers.behaviour.set((request) -> ConnectEventResponse.builder()
			.userId("userId")
			.groups("group1", "group2")
			.roles("webpubsub.joinLeaveGroup")
			.mqttUserProperty("a", "b")
			.build());
		Response response = send(mqttConnect(5));
		assertThat(response.status()).isEqualTo(200);
		JSONAssert.assertEquals(
				"{\"mqtt\":{\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]},\"userId\":\"userId\","
						+ "\"groups\":[\"group1\",\"group2\"],\"subprotocol\":\"mqtt\","
						+ "\"roles\":[\"webpubsub.joinLeaveGroup\"]}",
				response.text(), JSONCompareMode.STRICT);
		MqttConnectEventRequest request = (MqttConnectEventRequest) this.handlers.received.get();
		assertThat(request.getMqtt().protocolVersion()).isEqualTo(5);
		assertThat(request.getMqtt().username()).isEqualTo("username");
		assertThat(request.getMqtt().userProperties()).containsExactly(new MqttUserProperty("a", "b"));
		assertThat(request.getClaims()).containsEntry("nameid", java.util.List.of("user1"));
		assertThat(request.getConnectionContext().getPhysicalConnectionId()).isEqualTo("physicalConnectionId");
	}

	@Test
	void mqttConnectV311ErrorResponseVector() throws Exception {
		this.handlers.behaviour.set((request) -> new MqttConnectEventErrorResponse(5, "not authorized", null));
		Response response = send(mqttConnect(4));
		assertThat(response.status()).isEqualTo(401);
		JSONAssert.assertEquals("{\"mqtt\":{\"code\":5,\"reason\":\"not authorized\",\"userProperties\":null}}",
				response.text(), JSONCompareMode.STRICT);
	}

	@Test
	void mqttConnectV5ErrorResponseVector() throws Exception {
		this.handlers.behaviour.set((request) -> new MqttConnectEventErrorResponse(135, "not authorized",
				java.util.List.of(new MqttUserProperty("a", "b"))));
		Response response = send(mqttConnect(5));
		assertThat(response.status()).isEqualTo(401);
		JSONAssert.assertEquals(
				"{\"mqtt\":{\"code\":135,\"reason\":\"not authorized\","
						+ "\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]}}",
				response.text(), JSONCompareMode.STRICT);
	}

	@Test
	void mqttConnectGenericErrorIsWrittenAsMqttError() throws Exception {
		this.handlers.behaviour.set((request) -> {
			throw new WebPubSubEventException(WebPubSubErrorCode.USER_ERROR, "bad credentials");
		});
		Response response = send(mqttConnect(4));
		assertThat(response.status()).isEqualTo(400);
		JSONAssert.assertEquals("{\"mqtt\":{\"code\":4,\"reason\":\"bad credentials\",\"userProperties\":null}}",
				response.text(), JSONCompareMode.STRICT);
	}

	@Test
	void mqttConnectedVectorCarriesPhysicalConnectionAndSession() {
		send(WebPubSubEvents.connected("testhub").connectionId("clientId").userId("testuser").signedWith(KEY)
			.mqtt("physicalConnectionId", 5).sessionId("sessionId"));
		WebPubSubConnectionContext context = ((ConnectedEventRequest) this.handlers.received.get())
			.getConnectionContext();
		assertThat(context.isMqtt()).isTrue();
		assertThat(context.getPhysicalConnectionId()).isEqualTo("physicalConnectionId");
		assertThat(context.getSessionId()).isEqualTo("sessionId");
		assertThat(context.getConnectionId()).isEqualTo("clientId");
	}

	@Test
	void mqttDisconnectedVectorIsRead() {
		send(WebPubSubEvents.disconnected("testhub").connectionId("clientId").signedWith(KEY)
			.mqtt("physicalConnectionId", 5)
			.json("{\"mqtt\":{\"initiatedByClient\":false,\"disconnectPacket\":{\"code\":128,"
					+ "\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]}},\"reason\":\"reason\"}"));
		MqttDisconnectedEventRequest request = (MqttDisconnectedEventRequest) this.handlers.received.get();
		assertThat(request.getReason()).isEqualTo("reason");
		assertThat(request.isInitiatedByClient()).isFalse();
		assertThat(request.getDisconnectPacket().code()).isEqualTo(128);
	}

	@Test
	void mqttEventsBuiltWithTheTestSupportAreRead() {
		send(WebPubSubEvents.connect("testhub").connectionId("clientId").signedWith(KEY).mqtt("p1", 4)
			.mqttCredentials("user", "pw")
			.mqttUserProperty("a", "b"));
		MqttConnectEventRequest connect = (MqttConnectEventRequest) this.handlers.received.get();
		assertThat(connect.getMqtt().protocolVersion()).isEqualTo(4);
		assertThat(connect.getMqtt().username()).isEqualTo("user");
		assertThat(connect.getMqtt().password()).isEqualTo("pw");
		assertThat(connect.getMqtt().userProperties()).containsExactly(new MqttUserProperty("a", "b"));
		send(WebPubSubEvents.disconnected("testhub").connectionId("clientId").signedWith(KEY).mqtt("p1", 5)
			.mqttDisconnect(true, 142)
			.reason("session taken over"));
		MqttDisconnectedEventRequest disconnected = (MqttDisconnectedEventRequest) this.handlers.received.get();
		assertThat(disconnected.isInitiatedByClient()).isTrue();
		assertThat(disconnected.getDisconnectPacket().code()).isEqualTo(142);
		assertThat(disconnected.getReason()).isEqualTo("session taken over");
	}

	@Test
	void subprotocolMqttWithoutPhysicalConnectionIdIsNotMqtt() {
		send(WebPubSubEvents.connect("testhub").signedWith(KEY).header("ce-subprotocol", "mqtt"));
		assertThat(this.handlers.received.get()).isExactlyInstanceOf(ConnectEventRequest.class);
	}

	@Test
	void contextBindingAnswersPreflight() {
		Response response = send(WebPubSubEvents.abuseProtection("localhost").path("/custom-hook"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().getFirst("WebHook-Allowed-Origin")).isEqualTo("localhost");
		assertThat(this.contextController.received.get().isPreflight()).isTrue();
		assertThat(this.contextController.received.get().hasError()).isFalse();
	}

	@Test
	void contextBindingReadsTheRequestAndBuildsTheResponse() throws Exception {
		Response response = send(WebPubSubEvents.connect("anyhub").path("/custom-hook").signedWith(KEY)
			.state("existing", "1")
			.claim("sub", "alice"));
		assertThat(response.status()).isEqualTo(200);
		JSONAssert.assertEquals("{\"userId\":\"from-context\"}", response.text(), JSONCompareMode.STRICT);
		assertThat(decodeStates(response)).containsOnly(Map.entry("existing", "1"), Map.entry("k", "v"));
		WebPubSubContext context = this.contextController.received.get();
		assertThat(context.hasError()).isFalse();
		assertThat(((ConnectEventRequest) context.getRequest()).getClaims()).containsKey("sub");
	}

	@Test
	void contextBindingAnswersValidNonBlockingEventWith204() {
		Response response = send(connected().path("/custom-hook"));
		assertThat(response.status()).isEqualTo(204);
		assertThat(this.contextController.received.get().getRequest()).isInstanceOf(ConnectedEventRequest.class);
	}

	@Test
	void contextBindingReportsBadSignatureAsUnauthorized() {
		Response response = send(connected().path("/custom-hook").signature("sha256=forged"));
		assertThat(response.status()).isEqualTo(401);
		WebPubSubContext context = this.contextController.received.get();
		assertThat(context.hasError()).isTrue();
		assertThat(context.getErrorCode()).isEqualTo(WebPubSubErrorCode.UNAUTHORIZED);
		assertThat(context.getErrorMessage()).isEqualTo("Signature validation failed");
		assertThat(context.getRequest()).isNull();
		assertThat(context.isPreflight()).isFalse();
	}

	@Test
	void contextBindingReportsMissingHeaderAsUserError() {
		Response response = send(connected().path("/custom-hook").withoutHeader("ce-hub"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(this.contextController.received.get().getErrorCode()).isEqualTo(WebPubSubErrorCode.USER_ERROR);
		assertThat(response.text()).isEqualTo("Missing required header ce-hub");
	}

	@Test
	void contextBindingRejectsBodyOverTheLimit() {
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").path("/custom-hook")
			.signedWith(KEY).binary(new byte[5 * 1024]));
		assertThat(response.status()).isEqualTo(413);
		assertThat(this.contextController.received.get().hasError()).isTrue();
	}

	@Test
	void abuseProtectionReadsEveryValueOfTheOriginHeader() {
		Response response = send(WebPubSubEvents.abuseProtection("x").header("WebHook-Request-Origin", "ddd.com",
				"abc.com"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().getFirst("WebHook-Allowed-Origin")).isEqualTo("abc.com");
	}

	@Test
	void signatureIsValidatedForTheOriginThatIsAConnectionHost() {
		assertThat(send(connected().header("WebHook-Request-Origin", "stranger.example.com", "localhost")).status())
			.isEqualTo(204);
	}

	@ParameterizedTest
	@CsvSource({ "UNAUTHORIZED,401", "USER_ERROR,400", "SERVER_ERROR,500" })
	void userEventErrorResponseAnswersTheStatusOfItsCode(WebPubSubErrorCode code, int status) {
		this.handlers.behaviour.set((request) -> new EventErrorResponse(code, "refused"));
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY).text("hi"));
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.text()).isEqualTo("refused");
	}

	@Test
	void handlerFailureIsLoggedNamingBeanAndMethodWithoutStackTraceOrSecrets(CapturedOutput output) {
		this.handlers.behaviour.set((request) -> {
			throw new IllegalStateException("boom in message");
		});
		send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY).state("secretState", "s3cr3t")
			.text("hi"));
		assertThat(output).contains("ERROR")
			.contains("Web PubSub event handler testEventHandlers.message(UserEventRequest) failed")
			.contains("java.lang.IllegalStateException: boom in message")
			.doesNotContain("\tat dev.webpubsub")
			.doesNotContain(KEY)
			.doesNotContain(WebPubSubEvents.signature("connection1", KEY).substring("sha256=".length()))
			.doesNotContain("s3cr3t");
	}

	@Test
	void nonBlockingEventHandlerFailureIsLoggedNamingBeanAndMethod(CapturedOutput output) {
		this.handlers.behaviour.set((request) -> {
			throw new IllegalStateException("boom in connected");
		});
		assertThat(send(connected()).status()).isEqualTo(204);
		assertThat(output).contains(
				"Web PubSub event handler testEventHandlers.connected(ConnectedEventRequest, WebPubSubConnectionContext)"
						+ " failed")
			.contains("java.lang.IllegalStateException: boom in connected")
			.doesNotContain("\tat dev.webpubsub");
	}

	@Test
	void rejectionsAreNotLoggedWithSignatures(CapturedOutput output) {
		String forged = "sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
		assertThat(send(connected().signature(forged)).status()).isEqualTo(401);
		assertThat(output).doesNotContain("0123456789abcdef").doesNotContain(KEY);
	}

	@Test
	void clearingEveryStateSendsAnEmptyStateObjectBecauseTheServiceKeepsStatesWithoutAHeader() {
		this.handlers.behaviour.set((request) -> ConnectEventResponse.builder().clearStates().build());
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY).state("old", "x"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(decodeStates(response)).isEmpty();
	}

	@Test
	void clearingWithoutRequestStatesWritesNoHeader() {
		this.handlers.behaviour.set((request) -> ConnectEventResponse.builder().clearStates().build());
		Response response = send(WebPubSubEvents.connect("testhub").signedWith(KEY));
		assertThat(response.headers().getFirst("ce-connectionState")).isNull();
	}

	@Test
	void userEventReplyStatesAreClearedAndSet() {
		this.handlers.behaviour
			.set((request) -> UserEventResponse.text("ok").withClearedStates().withState("fresh", "1"));
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY).state("old", "x")
			.text("hi"));
		assertThat(response.text()).isEqualTo("ok");
		assertThat(decodeStates(response)).containsOnly(Map.entry("fresh", "1"));
	}

	@Test
	void userEventReplyWithoutStatesKeepsRequestStatesUnwritten() {
		this.handlers.behaviour.set((request) -> UserEventResponse.text("ok"));
		Response response = send(WebPubSubEvents.userEvent("testhub", "message").signedWith(KEY).state("old", "x")
			.text("hi"));
		assertThat(decodeStates(response)).containsOnly(Map.entry("old", "x"));
	}

	@Test
	void jsEncodedRequestStatesAreRead() {
		// reference-behaviour.md §2.8: base64('{"key1":["val3"],"key2":"val2","key3":""}') of the JS SDK.
		send(connected().header("ce-connectionState", "eyJrZXkxIjpbInZhbDMiXSwia2V5MiI6InZhbDIiLCJrZXkzIjoiIn0="));
		WebPubSubConnectionContext context = ((ConnectedEventRequest) this.handlers.received.get())
			.getConnectionContext();
		assertThat(context.getState("key1")).isEqualTo("[\"val3\"]");
		assertThat(context.getState("key2")).isEqualTo("val2");
		assertThat(context.getState("key3")).isEmpty();
	}

	@Test
	void connectFieldsAreBoundByParameterName() {
		assertThat(send(WebPubSubEvents.connect("fieldhub").signedWith(KEY).claim("sub", "alice").query("room", "1")
			.clientHeader("x-client", "yes")
			.subprotocols("json.webpubsub.azure.v1")
			.clientCertificate("tp", "pem")
			.state("k", "v")).status()).isEqualTo(204);
		Map<?, ?> fields = (Map<?, ?>) this.handlers.received.get();
		assertThat(fields.get("claims")).isEqualTo(Map.of("sub", List.of("alice")));
		assertThat(fields.get("query")).isEqualTo(Map.of("room", List.of("1")));
		assertThat(fields.get("headers")).isEqualTo(Map.of("x-client", List.of("yes")));
		assertThat(fields.get("subprotocols")).isEqualTo(List.of("json.webpubsub.azure.v1"));
		assertThat(fields.get("clientCertificates")).isEqualTo(List.of(new ClientCertificate("tp", "pem")));
		@SuppressWarnings("unchecked")
		Map<String, byte[]> states = (Map<String, byte[]>) fields.get("states");
		assertThat(states).containsOnlyKeys("k");
		assertThat(states.get("k")).asString(StandardCharsets.UTF_8).isEqualTo("v");
	}

	@Test
	void contextBindingReportsRejectedPreflight() {
		Response response = send(WebPubSubEvents.abuseProtection("stranger.example.com").path("/custom-hook"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers().getFirst("WebHook-Allowed-Origin")).isNull();
		WebPubSubContext context = this.contextController.received.get();
		assertThat(context.isPreflight()).isTrue();
		assertThat(context.hasError()).isTrue();
		assertThat(context.getErrorMessage()).isEqualTo("Origin is not allowed: stranger.example.com");
	}

	static WebPubSubEventBuilder mqttConnect(int protocolVersion) {
		return WebPubSubEvents.connect("testhub").connectionId("clientId").signedWith(KEY)
			.mqtt("physicalConnectionId", protocolVersion)
			.json(MQTT_CONNECT_BODY.formatted(protocolVersion));
	}

	static Map<String, String> decodeStates(Response response) {
		String header = response.headers().getFirst("ce-connectionState");
		assertThat(header).isNotNull();
		Map<String, String> states = new java.util.LinkedHashMap<>();
		tools.jackson.databind.JsonNode node = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree(Base64.getDecoder().decode(header));
		node.properties().forEach((entry) -> states.put(entry.getKey(),
				new String(Base64.getDecoder().decode(entry.getValue().asString()), StandardCharsets.UTF_8)));
		return states;
	}

	/**
	 * A reply whose only property fails to read.
	 */
	public static class Unserialisable {

		public String getValue() {
			throw new IllegalStateException("cannot be read");
		}

	}

	/**
	 * Response of either stack.
	 */
	record Response(int status, HttpHeaders headers, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
