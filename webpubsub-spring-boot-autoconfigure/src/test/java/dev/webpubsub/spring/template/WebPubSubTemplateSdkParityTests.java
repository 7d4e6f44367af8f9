package dev.webpubsub.spring.template;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.rest.RequestOptions;
import com.azure.core.util.BinaryData;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.token.ClientAccessOptions;
import dev.webpubsub.spring.template.CaptureServer.RecordedRequest;
import dev.webpubsub.spring.template.CaptureServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Sends every operation that the official Java SDK 1.4.0 offers with the SDK and with the template to a capture
 * server, and checks that both requests agree in method, path, query (but {@code api-version}), content type and
 * body, and that both bearer tokens verify with the key and name the request URL as audience. Operations that the
 * SDK lacks are checked against the REST API reference.
 */
class WebPubSubTemplateSdkParityTests {

	private static final String KEY = "q2x0W7yH1m9V3cR5tU8pL4nK6jG2fD0sA1zB7eC3vX4=";

	private static final String HUB = "Chat_Hub1";

	private static final String CHAT_JSON = "{\"type\":\"chat\",\"text\":\"hi\"}";

	private CaptureServer server;

	private WebPubSubServiceClient sdk;

	private WebPubSubTemplate template;

	@BeforeEach
	void start() throws Exception {
		this.server = new CaptureServer();
		this.sdk = new WebPubSubServiceClientBuilder()
			.connectionString("Endpoint=" + this.server.endpoint() + ";AccessKey=" + KEY + ";Version=1.0;")
			.hub(HUB)
			.buildClient();
		this.template = new WebPubSubTemplate(ReactiveWebPubSubTemplate
			.builder(WebPubSubConnection.withAccessKey("WebPubSubConnectionString",
					URI.create(this.server.endpoint()), KEY))
			.hub(HUB)
			.maxAttempts(1)
			.build());
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
	}

	static Stream<Arguments> operations() {
		byte[] binary = { 1, 2, 3, (byte) 0xff };
		return Stream.of(
				operation("sendToAll text", (sdk) -> sdk.sendToAll("Hello, world", WebPubSubContentType.TEXT_PLAIN),
						(template) -> template.sendToAll(WebPubSubMessage.text("Hello, world"))),
				operation("sendToAll raw JSON",
						(sdk) -> sdk.sendToAll(CHAT_JSON, WebPubSubContentType.APPLICATION_JSON),
						(template) -> template.sendToAll(WebPubSubMessage.rawJson(CHAT_JSON))),
				operation("sendToAll JSON object",
						(sdk) -> sdk.sendToAll(CHAT_JSON, WebPubSubContentType.APPLICATION_JSON),
						(template) -> template.sendToAll(WebPubSubMessage.json(new Chat("chat", "hi")))),
				operation("sendToAll binary",
						(sdk) -> sdk.sendToAllWithResponse(BinaryData.fromBytes(binary),
								WebPubSubContentType.APPLICATION_OCTET_STREAM, binary.length, new RequestOptions()),
						(template) -> template.sendToAll(WebPubSubMessage.binary(binary))),
				operation("sendToAll excluded, filter and TTL",
						(sdk) -> sdk.sendToAllWithResponse(BinaryData.fromString("excluded test"),
								text().addQueryParam("excluded", "conn-A")
									.addQueryParam("excluded", "conn-B")
									.addQueryParam("filter", "userId ne 'user1'")
									.addQueryParam("messageTtlSeconds", "30")),
						(template) -> template.sendToAll(WebPubSubMessage.text("excluded test"),
								SendOptions.excluding("conn-A", "conn-B")
									.withFilter("userId ne 'user1'")
									.withMessageTtlSeconds(30))),
				operation("sendToGroup text",
						(sdk) -> sdk.sendToGroup("group1", "to group", WebPubSubContentType.TEXT_PLAIN),
						(template) -> template.sendToGroup("group1", WebPubSubMessage.text("to group"))),
				operation("sendToGroup JSON with encoded group, excluded and filter",
						(sdk) -> sdk.sendToGroupWithResponse("group 2/x", BinaryData.fromString("{\"a\":1}"),
								json().addQueryParam("excluded", "conn-A").addQueryParam("filter", "'g' in groups")),
						(template) -> template.sendToGroup("group 2/x", WebPubSubMessage.json(Map.of("a", 1)),
								SendOptions.excluding("conn-A").withFilter("'g' in groups"))),
				operation("sendToUser text",
						(sdk) -> sdk.sendToUser("user1", "to user", WebPubSubContentType.TEXT_PLAIN),
						(template) -> template.sendToUser("user1", WebPubSubMessage.text("to user"))),
				operation("sendToUser JSON with filter and TTL",
						(sdk) -> sdk.sendToUserWithResponse("user@x.com", BinaryData.fromString("{\"b\":2}"),
								json().addQueryParam("filter", "userId eq 'user@x.com'")
									.addQueryParam("messageTtlSeconds", "0")),
						(template) -> template.sendToUser("user@x.com", WebPubSubMessage.rawJson("{\"b\":2}"),
								SendOptions.none().withFilter("userId eq 'user@x.com'").withMessageTtlSeconds(0))),
				operation("sendToConnection text",
						(sdk) -> sdk.sendToConnection("conn-A", "to conn", WebPubSubContentType.TEXT_PLAIN),
						(template) -> template.sendToConnection("conn-A", WebPubSubMessage.text("to conn"))),
				operation("sendToConnection binary with TTL",
						(sdk) -> sdk.sendToConnectionWithResponse("conn A", BinaryData.fromBytes(binary),
								WebPubSubContentType.APPLICATION_OCTET_STREAM, binary.length,
								new RequestOptions().addQueryParam("messageTtlSeconds", "300")),
						(template) -> template.sendToConnection("conn A", WebPubSubMessage.binary(binary),
								SendOptions.none().withMessageTtlSeconds(300))),
				operation("addConnectionToGroup",
						(sdk) -> sdk.addConnectionToGroupWithResponse("group 2/x", "conn-A", new RequestOptions()),
						(template) -> template.addConnectionToGroup("group 2/x", "conn-A")),
				operation("removeConnectionFromGroup",
						(sdk) -> sdk.removeConnectionFromGroupWithResponse("group1", "conn-A", new RequestOptions()),
						(template) -> template.removeConnectionFromGroup("group1", "conn-A")),
				operation("removeConnectionFromAllGroups",
						(sdk) -> sdk.removeConnectionFromAllGroupsWithResponse("conn-A", new RequestOptions()),
						(template) -> template.removeConnectionFromAllGroups("conn-A")),
				operation("addConnectionsToGroups",
						(sdk) -> sdk.addConnectionsToGroups(List.of("group1", "group2"), "userId eq 'user1'"),
						(template) -> template.addConnectionsToGroups(List.of("group1", "group2"),
								"userId eq 'user1'")),
				operation("addUserToGroup",
						(sdk) -> sdk.addUserToGroupWithResponse("group1", "user@x.com", new RequestOptions()),
						(template) -> template.addUserToGroup("group1", "user@x.com")),
				operation("removeUserFromGroup",
						(sdk) -> sdk.removeUserFromGroupWithResponse("group1", "user1", new RequestOptions()),
						(template) -> template.removeUserFromGroup("group1", "user1")),
				operation("removeUserFromAllGroups",
						(sdk) -> sdk.removeUserFromAllGroupsWithResponse("user1", new RequestOptions()),
						(template) -> template.removeUserFromAllGroups("user1")),
				operation("closeConnection with reason",
						(sdk) -> sdk.closeConnectionWithResponse("conn-A",
								new RequestOptions().addQueryParam("reason", "bye now")),
						(template) -> template.closeConnection("conn-A", "bye now")),
				operation("closeConnection without reason",
						(sdk) -> sdk.closeConnectionWithResponse("conn-A", new RequestOptions()),
						(template) -> template.closeConnection("conn-A", null)),
				operation("closeAllConnections with excluded and reason",
						(sdk) -> sdk.closeAllConnectionsWithResponse(
								new RequestOptions().addQueryParam("excluded", "conn-B")
									.addQueryParam("excluded", "conn-C")
									.addQueryParam("reason", "maint")),
						(template) -> template.closeAllConnections(List.of("conn-B", "conn-C"), "maint")),
				operation("closeGroupConnections",
						(sdk) -> sdk.closeGroupConnectionsWithResponse("group1",
								new RequestOptions().addQueryParam("excluded", "conn-B").addQueryParam("reason", "r")),
						(template) -> template.closeGroupConnections("group1", List.of("conn-B"), "r")),
				operation("closeUserConnections",
						(sdk) -> sdk.closeUserConnectionsWithResponse("user1", new RequestOptions()),
						(template) -> template.closeUserConnections("user1", List.of(), null)),
				operation("grantPermission sendToGroup with targetName",
						(sdk) -> sdk.grantPermissionWithResponse(
								com.azure.messaging.webpubsub.models.WebPubSubPermission.SEND_TO_GROUP, "conn-A",
								new RequestOptions().addQueryParam("targetName", "group1")),
						(template) -> template.grantPermission(WebPubSubPermission.SEND_TO_GROUP, "conn-A", "group1")),
				operation("grantPermission joinLeaveGroup",
						(sdk) -> sdk.grantPermissionWithResponse(
								com.azure.messaging.webpubsub.models.WebPubSubPermission.JOIN_LEAVE_GROUP, "conn-A",
								new RequestOptions()),
						(template) -> template.grantPermission(WebPubSubPermission.JOIN_LEAVE_GROUP, "conn-A", null)),
				operation("revokePermission",
						(sdk) -> sdk.revokePermissionWithResponse(
								com.azure.messaging.webpubsub.models.WebPubSubPermission.SEND_TO_GROUP, "conn-A",
								new RequestOptions().addQueryParam("targetName", "group 1")),
						(template) -> template.revokePermission(WebPubSubPermission.SEND_TO_GROUP, "conn-A",
								"group 1")),
				operation("checkPermission",
						(sdk) -> sdk.checkPermissionWithResponse(
								com.azure.messaging.webpubsub.models.WebPubSubPermission.SEND_TO_GROUP, "conn-A",
								new RequestOptions().addQueryParam("targetName", "group1")),
						(template) -> template.checkPermission(WebPubSubPermission.SEND_TO_GROUP, "conn-A", "group1")),
				operation("connectionExists", (sdk) -> sdk.connectionExistsWithResponse("conn-A", new RequestOptions()),
						(template) -> template.connectionExists("conn-A")),
				operation("groupExists", (sdk) -> sdk.groupExistsWithResponse("group 2/x", new RequestOptions()),
						(template) -> template.groupExists("group 2/x")),
				operation("userExists", (sdk) -> sdk.userExistsWithResponse("user@x.com", new RequestOptions()),
						(template) -> template.userExists("user@x.com")),
				operation("non-ASCII user and group",
						(sdk) -> sdk.addUserToGroupWithResponse("grüße 組", "jürgen", new RequestOptions()),
						(template) -> template.addUserToGroup("grüße 組", "jürgen")),
				operation("reserved characters in path and query",
						(sdk) -> sdk.closeGroupConnectionsWithResponse("a+b&c=d;e,f!g*h'i(j)k$l:m?n#o%p",
								new RequestOptions().addQueryParam("reason", "a+b&c=d;e,f!g*h'i(j)k$l:m/n?o#p%q@r")),
						(template) -> template.closeGroupConnections("a+b&c=d;e,f!g*h'i(j)k$l:m?n#o%p", List.of(),
								"a+b&c=d;e,f!g*h'i(j)k$l:m/n?o#p%q@r")));
	}

	private static Arguments operation(String name, Consumer<WebPubSubServiceClient> sdkCall,
			Consumer<WebPubSubOperations> templateCall) {
		return arguments(name, sdkCall, templateCall);
	}

	private static RequestOptions text() {
		return new RequestOptions().setHeader(HttpHeaderName.CONTENT_TYPE, "text/plain");
	}

	private static RequestOptions json() {
		return new RequestOptions().setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void sendsTheRequestOfTheOfficialSdk(String name, Consumer<WebPubSubServiceClient> sdkCall,
			Consumer<WebPubSubOperations> templateCall) throws Exception {
		sdkCall.accept(this.sdk);
		RecordedRequest expected = onlyRequest();
		this.server.clear();
		templateCall.accept(this.template);
		RecordedRequest actual = onlyRequest();
		assertThat(actual.method()).isEqualTo(expected.method());
		assertThat(actual.path()).isEqualTo(expected.path());
		assertThat(actual.queryWithoutApiVersion()).isEqualTo(expected.queryWithoutApiVersion());
		assertThat(actual.apiVersion()).isEqualTo(ReactiveWebPubSubTemplate.API_VERSION);
		assertThat(actual.header("Content-Type")).isEqualTo(expected.header("Content-Type"));
		assertThat(actual.body()).isEqualTo(expected.body());
		assertThat(BearerTokens.verifiedClaims(expected, KEY).get("aud").asString())
			.isEqualTo(BearerTokens.requestUrl(this.server, expected));
		JsonNode claims = BearerTokens.verifiedClaims(actual, KEY);
		assertThat(claims.get("aud").asString()).isEqualTo(BearerTokens.requestUrl(this.server, actual));
		assertThat(claims.get("exp").asLong()).isGreaterThan(claims.get("iat").asLong());
	}

	@Test
	void encodesHubNamesLikeTheOfficialSdk() {
		String hub = "Hub`,.[x]_1";
		new WebPubSubServiceClientBuilder()
			.connectionString("Endpoint=" + this.server.endpoint() + ";AccessKey=" + KEY + ";")
			.hub(hub)
			.buildClient()
			.sendToAll("hi", WebPubSubContentType.TEXT_PLAIN);
		RecordedRequest expected = onlyRequest();
		this.server.clear();
		this.template.hub(hub).sendToAll(WebPubSubMessage.text("hi"));
		assertThat(onlyRequest().path()).isEqualTo(expected.path()).isEqualTo("/api/hubs/Hub%60,.%5Bx%5D_1/:send");
	}

	@Test
	void generatesClientTokensThroughTheServiceLikeTheOfficialSdkWithEntraId() {
		WebPubSubServiceClient entraSdk = new WebPubSubServiceClientBuilder()
			.endpoint(this.server.endpoint().replace("http:", "https:"))
			.credential((TokenCredential) (context) -> Mono
				.just(new AccessToken("FAKE-ENTRA-TOKEN", OffsetDateTime.now().plusHours(1))))
			.addPolicy(new PlainHttpPolicy())
			.hub(HUB)
			.buildClient();
		WebPubSubTemplate entraTemplate = new WebPubSubTemplate(ReactiveWebPubSubTemplate
			.builder(WebPubSubConnection.withEntraId("WebPubSubConnectionString", URI.create(this.server.endpoint()),
					() -> Mono.just("FAKE-ENTRA-TOKEN")))
			.hub(HUB)
			.build());
		Reply token = Reply.json(200, "{\"token\":\"service-issued\"}", Map.of());
		this.server.then(token).then(token);
		entraSdk.getClientAccessToken(new GetClientAccessTokenOptions().setUserId("user1")
			.addRole("webpubsub.joinLeaveGroup")
			.setGroups(List.of("group1", "group 2"))
			.setExpiresAfter(Duration.ofMinutes(30)));
		RecordedRequest expected = onlyRequest();
		this.server.clear();
		String generated = entraTemplate.generateClientToken(ClientAccessOptions.forHub(HUB)
			.withUserId("user1")
			.withRoles(List.of("webpubsub.joinLeaveGroup"))
			.withGroups(List.of("group1", "group 2"))
			.withLifetime(Duration.ofMinutes(30)));
		RecordedRequest actual = onlyRequest();
		assertThat(generated).isEqualTo("service-issued");
		assertThat(actual.method()).isEqualTo(expected.method()).isEqualTo("POST");
		assertThat(actual.path()).isEqualTo(expected.path()).isEqualTo("/api/hubs/Chat_Hub1/:generateToken");
		assertThat(actual.queryWithoutApiVersion()).isEqualTo(expected.queryWithoutApiVersion());
		assertThat(actual.body()).isEqualTo(expected.body()).isEmpty();
		assertThat(actual.header("Authorization")).isEqualTo(expected.header("Authorization"))
			.isEqualTo("Bearer FAKE-ENTRA-TOKEN");
	}

	@Test
	void removesConnectionsFromGroupsByFilterAsTheRestApiDescribes() throws Exception {
		this.template.removeConnectionsFromGroups(List.of("group1", "group2"), "userId eq 'user1'");
		RecordedRequest request = onlyRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/hubs/Chat_Hub1/:removeFromGroups");
		assertThat(request.query()).isEqualTo("api-version=2024-12-01");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.bodyText())
			.isEqualTo("{\"groups\":[\"group1\",\"group2\"],\"filter\":\"userId eq 'user1'\"}");
		assertThat(BearerTokens.verifiedClaims(request, KEY).get("aud").asString())
			.isEqualTo(BearerTokens.requestUrl(this.server, request));
	}

	@Test
	void listsConnectionsInGroupFollowingNextLinksAsTheRestApiDescribes() throws Exception {
		this.server.then(Reply.json(200,
				"{\"value\":[{\"connectionId\":\"c1\",\"userId\":\"u1\"},{\"connectionId\":\"c2\"}],"
				+ "\"nextLink\":\"" + this.server.endpoint()
				+ "/api/hubs/Chat_Hub1/groups/group%202/connections?api-version=2024-12-01&continuationToken=abc\"}",
				Map.of()))
			.then(Reply.json(200, "{\"value\":[{\"connectionId\":\"c3\",\"userId\":null}]}", Map.of()));
		List<WebPubSubGroupMember> members = this.template.listConnectionsInGroup("group 2");
		assertThat(members).containsExactly(new WebPubSubGroupMember("c1", "u1"), new WebPubSubGroupMember("c2", null),
				new WebPubSubGroupMember("c3", null));
		List<RecordedRequest> requests = this.server.requests();
		assertThat(requests).hasSize(2).allSatisfy((request) -> {
			assertThat(request.method()).isEqualTo("GET");
			assertThat(request.path()).isEqualTo("/api/hubs/Chat_Hub1/groups/group%202/connections");
		});
		assertThat(requests.get(0).query()).isEqualTo("api-version=2024-12-01");
		assertThat(requests.get(1).query()).isEqualTo("api-version=2024-12-01&continuationToken=abc");
		for (RecordedRequest request : requests) {
			assertThat(BearerTokens.verifiedClaims(request, KEY).get("aud").asString())
				.isEqualTo(BearerTokens.requestUrl(this.server, request));
		}
	}

	@Test
	void asksForPagesOfTheRequestedSizeAndStopsAtTop() throws Exception {
		this.server.then(Reply.json(200, "{\"value\":[{\"connectionId\":\"c1\"},{\"connectionId\":\"c2\"}],"
				+ "\"nextLink\":\"/api/hubs/Chat_Hub1/groups/g/connections?maxpagesize=2&top=3&continuationToken=x\"}",
				Map.of()))
			.then(Reply.json(200, "{\"value\":[{\"connectionId\":\"c3\"},{\"connectionId\":\"c4\"}]}", Map.of()));
		List<WebPubSubGroupMember> members = this.template.listConnectionsInGroup("g", 2, 3);
		assertThat(members).extracting(WebPubSubGroupMember::connectionId).containsExactly("c1", "c2", "c3");
		List<RecordedRequest> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).query()).isEqualTo("api-version=2024-12-01&maxpagesize=2&top=3");
		assertThat(requests.get(1).query())
			.isEqualTo("maxpagesize=2&top=3&continuationToken=x&api-version=2024-12-01");
	}

	@Test
	void followsANextLinkThatSpellsOutTheDefaultPort() {
		ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate
			.builder(WebPubSubConnection.withAccessKey("c", URI.create("https://abc.webpubsub.azure.com"), KEY))
			.webClientBuilder(WebClient.builder().exchangeFunction((request) -> {
				String body = (request.url().getPort() == 443) ? "{\"value\":[{\"connectionId\":\"c2\"}]}"
						: "{\"value\":[{\"connectionId\":\"c1\"}],\"nextLink\":"
								+ "\"https://abc.webpubsub.azure.com:443/api/hubs/g/groups/g/connections?t=x\"}";
				return Mono.just(ClientResponse.create(HttpStatus.OK)
					.header("Content-Type", "application/json")
					.body(body)
					.build());
			}))
			.hub("g")
			.build();
		StepVerifier.create(template.listConnectionsInGroup("g").map(WebPubSubGroupMember::connectionId))
			.expectNext("c1", "c2")
			.verifyComplete();
	}

	@Test
	void neverFollowsANextLinkToAnotherHost() throws Exception {
		this.server.then(Reply.json(200, "{\"value\":[{\"connectionId\":\"c1\"}],"
				+ "\"nextLink\":\"https://elsewhere.example/api/hubs/Chat_Hub1/groups/g/connections\"}", Map.of()));
		assertThatExceptionOfType(WebPubSubException.class)
			.isThrownBy(() -> this.template.listConnectionsInGroup("g"))
			.withMessageContaining("nextLink outside the endpoint")
			.withMessageContaining("https://elsewhere.example");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void rejectsPageSizesAndLimitsTheServiceRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.listConnectionsInGroup("g", 0, null))
			.withMessage("'maxPageSize' must be between 1 and 200 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.listConnectionsInGroup("g", 201, null))
			.withMessage("'maxPageSize' must be between 1 and 200 but was 201");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.listConnectionsInGroup("g", null, 0))
			.withMessage("'top' must be at least 1 but was 0");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void checksHealthAsTheRestApiDescribes() throws Exception {
		this.template.checkHealth();
		RecordedRequest request = onlyRequest();
		assertThat(request.method()).isEqualTo("HEAD");
		assertThat(request.path()).isEqualTo("/api/health");
		assertThat(request.query()).isEqualTo("api-version=2024-12-01");
		assertThat(BearerTokens.verifiedClaims(request, KEY).get("aud").asString())
			.isEqualTo(BearerTokens.requestUrl(this.server, request));
	}

	private RecordedRequest onlyRequest() {
		assertThat(this.server.requests()).hasSize(1);
		return this.server.requests().get(0);
	}

	record Chat(String type, String text) {

	}

	/**
	 * Sends the SDK's https requests over plain http after its bearer-token policy has run, so that the capture
	 * server sees Entra ID requests.
	 */
	static final class PlainHttpPolicy implements HttpPipelinePolicy {

		@Override
		public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
			HttpRequest request = context.getHttpRequest();
			request.setUrl(request.getUrl().toString().replaceFirst("^https:", "http:"));
			return next.process();
		}

		@Override
		public HttpPipelinePosition getPipelinePosition() {
			return HttpPipelinePosition.PER_RETRY;
		}

	}

}
