package dev.webpubsub.spring.token;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubClientAccessToken;
import com.azure.messaging.webpubsub.models.WebPubSubClientProtocol;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.webpubsub.spring.connection.ConnectionString;
import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.template.ReactiveWebPubSubTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link ClientAccessTokens}, with the official Java SDK as the oracle for locally signed tokens.
 */
class ClientAccessTokensTests {

	private static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	private static final String SDK_TEST_KEY = "xJItsTUmJB1m+98rVG8YepBvx5BaMnUtGtbGa/oDM+mGyZ=";

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private final ClientAccessTokens tokens = tokens(Clock.fixed(NOW, ZoneOffset.UTC));

	private static ClientAccessTokens tokens(Clock clock) {
		return new ClientAccessTokens(new SingleConnection(null), templateService(), clock);
	}

	/**
	 * The service calls of the auto-configuration: through the template's {@code :generateToken} operation.
	 */
	private static ClientTokenService templateService() {
		ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate
			.builder(connection("Endpoint=https://abc;AccessKey=" + KEY))
			.initialBackoff(Duration.ofMillis(1))
			.build();
		return (connection, options) -> template.connection(connection).generateClientToken(options);
	}

	private static WebPubSubConnection connection(String connectionString) {
		ConnectionString parsed = ConnectionString.parse(connectionString);
		return WebPubSubConnection.withAccessKey("WebPubSubConnectionString", parsed.endpoint(),
				parsed.accessKey());
	}

	static Stream<Arguments> sdkCases() {
		List<Arguments> cases = new ArrayList<>();
		List<String> connectionStrings = List.of("Endpoint=http://localhost;Port=8080;AccessKey=" + KEY + ";Version=1.0;",
				"Endpoint=https://abc;AccessKey=" + KEY + ";Version=1.0;",
				"Endpoint=https://abc.webpubsub.azure.com/;AccessKey=" + SDK_TEST_KEY + ";Version=1.0;",
				"Endpoint=http://http.webpubsubdev.azure.com;AccessKey=" + SDK_TEST_KEY + ";Version=1.0;");
		List<ClientAccessOptions> options = List.of(ClientAccessOptions.forHub("testHub"),
				ClientAccessOptions.forHub("Chat_Hub1").withUserId("user1"),
				ClientAccessOptions.forHub("chat")
					.withUserId("user1")
					.withRoles(List.of("webpubsub.sendToGroup.group1", "webpubsub.joinLeaveGroup.group1"))
					.withGroups(List.of("group1", "group2"))
					.withLifetime(Duration.ofMinutes(30)),
				ClientAccessOptions.forHub("hub").withRoles(List.of("admin", "special&char")),
				ClientAccessOptions.forHub("hub").withRoles(List.of("admin", "special,char")),
				ClientAccessOptions.forHub("hub").withGroups(List.of("java", "special&char", "q\"uote é")),
				ClientAccessOptions.forHub("hub").withUserId("ü ser/1?x=y").withLifetime(Duration.ofMinutes(3)));
		for (String connectionString : connectionStrings) {
			for (ClientAccessOptions option : options) {
				for (ClientProtocol protocol : ClientProtocol.values()) {
					cases.add(Arguments.of(connectionString, option.withProtocol(protocol)));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest
	@MethodSource("sdkCases")
	void signsTheSameUrlAndClaimsAsTheOfficialSdk(String connectionString, ClientAccessOptions options) {
		WebPubSubClientAccessToken expected = sdkToken(connectionString, options);
		ClientAccessUrl actual = tokens(Clock.systemUTC()).generateBlocking(connection(connectionString), options);
		assertThat(actual.baseUrl()).isEqualTo(withoutQuery(expected.getUrl()));
		assertThat(actual.url()).isEqualTo(actual.baseUrl() + "?access_token=" + actual.accessToken());
		Map<String, Object> expectedClaims = claims(expected.getToken());
		Map<String, Object> actualClaims = claims(actual.accessToken());
		assertThat(((Number) actualClaims.remove("exp")).longValue())
			.isCloseTo(((Number) expectedClaims.remove("exp")).longValue(), within(5L));
		assertThat(actualClaims.remove("iat")).isNotNull();
		expectedClaims.remove("iat");
		expectedClaims.remove("nbf");
		assertThat(actualClaims).isEqualTo(expectedClaims);
		assertThat(header(actual.accessToken())).containsEntry("alg", header(expected.getToken()).get("alg"));
		assertThat(signatureIsValid(actual.accessToken(), ConnectionString.parse(connectionString).accessKey()))
			.isTrue();
	}

	private static WebPubSubClientAccessToken sdkToken(String connectionString, ClientAccessOptions options) {
		GetClientAccessTokenOptions sdkOptions = new GetClientAccessTokenOptions().setUserId(options.userId())
			.setRoles(options.roles())
			.setGroups(options.groups())
			.setExpiresAfter(options.lifetime())
			.setWebPubSubClientProtocol(switch (options.protocol()) {
				case DEFAULT -> WebPubSubClientProtocol.DEFAULT;
				case MQTT -> WebPubSubClientProtocol.MQTT;
				case SOCKETIO -> WebPubSubClientProtocol.SOCKET_IO;
			});
		return new WebPubSubServiceClientBuilder().connectionString(connectionString)
			.hub(options.hub())
			.buildClient()
			.getClientAccessToken(sdkOptions);
	}

	@Test
	void buildsTheFunctionsExtensionBaseUrls() {
		ClientAccessOptions testHub = ClientAccessOptions.forHub("testHub");
		ClientAccessUrl local = this.tokens.generateBlocking(
				connection("Endpoint=http://localhost;Port=8080;AccessKey=" + KEY + ";Version=1.0;"), testHub);
		assertThat(local.baseUrl()).isEqualTo("ws://localhost:8080/client/hubs/testHub");
		assertThat(local.url()).isEqualTo("ws://localhost:8080/client/hubs/testHub?access_token=" + local.accessToken());
		WebPubSubConnection https = connection("Endpoint=https://abc;AccessKey=" + KEY + ";Version=1.0;");
		assertThat(this.tokens.generateBlocking(https, testHub).baseUrl()).isEqualTo("wss://abc/client/hubs/testHub");
		assertThat(this.tokens.generateBlocking(https, ClientAccessOptions.forHub("chat").withProtocol(ClientProtocol.MQTT))
			.baseUrl()).isEqualTo("wss://abc/clients/mqtt/hubs/chat");
		assertThat(this.tokens
			.generateBlocking(https, ClientAccessOptions.forHub("chat").withProtocol(ClientProtocol.SOCKETIO))
			.baseUrl()).isEqualTo("wss://abc/clients/socketio/hubs/chat");
	}

	@Test
	void addressesTheClientEndpointOnTheHostAndPortOfAnEndpointWithPath() {
		// The SDK appends the client path after the endpoint's path and query; the service serves clients at the root.
		WebPubSubConnection withPath = connection("Endpoint=https://abc.webpubsub.azure.com/test/path?query_param=value;"
				+ "AccessKey=" + SDK_TEST_KEY + ";Port=8080");
		ClientAccessUrl url = this.tokens.generateBlocking(withPath, ClientAccessOptions.forHub("hub"));
		assertThat(url.baseUrl()).isEqualTo("wss://abc.webpubsub.azure.com:8080/client/hubs/hub");
		assertThat(claims(url.accessToken())).containsEntry("aud", "https://abc.webpubsub.azure.com:8080/client/hubs/hub");
	}

	@Test
	void encodesHubCharactersThatAreNotAllowedInAUrlPath() {
		ClientAccessUrl url = this.tokens.generateBlocking(connection("Endpoint=https://abc;AccessKey=" + KEY),
				ClientAccessOptions.forHub("h`,.[]"));
		assertThat(url.baseUrl()).isEqualTo("wss://abc/client/hubs/h%60,.%5B%5D");
		assertThat(URI.create(url.url()).getPath()).isEqualTo("/client/hubs/h`,.[]");
		assertThat(claims(url.accessToken())).containsEntry("aud", "https://abc/client/hubs/h`,.[]");
	}

	@Test
	void addressesTheHttpEndpointInTheAudience() {
		WebPubSubConnection local = connection("Endpoint=http://localhost;Port=8080;AccessKey=" + KEY);
		for (ClientProtocol protocol : ClientProtocol.values()) {
			ClientAccessUrl url = this.tokens.generateBlocking(local,
					ClientAccessOptions.forHub("hub").withProtocol(protocol));
			assertThat(url.baseUrl()).startsWith("ws://localhost:8080/");
			assertThat(claims(url.accessToken())).containsEntry("aud",
					"http://localhost:8080/" + url.baseUrl().substring("ws://localhost:8080/".length()));
		}
	}

	@Test
	void signsWithTheHeaderOfTheProtocolAndTheAccessKeyAsUtf8Bytes() {
		ClientAccessUrl url = this.tokens.generateBlocking(connection("Endpoint=https://abc;AccessKey=" + SDK_TEST_KEY),
				ClientAccessOptions.forHub("hub"));
		assertThat(url.accessToken().split("\\.")[0]).isEqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
		assertThat(signatureIsValid(url.accessToken(), SDK_TEST_KEY)).isTrue();
		assertThat(signatureIsValid(url.accessToken(), SDK_TEST_KEY + "x")).isFalse();
	}

	@Test
	void issuesAnonymousTokensWithoutOptionalClaims() {
		ClientAccessUrl url = this.tokens.generateBlocking(connection("Endpoint=https://abc;AccessKey=" + KEY),
				ClientAccessOptions.forHub("hub"));
		assertThat(claims(url.accessToken())).containsOnlyKeys("aud", "iat", "exp");
	}

	@Test
	void writesRolesAndGroupsAsArraysAndTheUserAsSubject() {
		ClientAccessUrl url = this.tokens.generateBlocking(connection("Endpoint=https://abc;AccessKey=" + KEY),
				ClientAccessOptions.forHub("hub")
					.withUserId("alice")
					.withRoles(List.of("webpubsub.joinLeaveGroup"))
					.withGroups(List.of("g1")));
		assertThat(claims(url.accessToken())).containsEntry("sub", "alice")
			.containsEntry("role", List.of("webpubsub.joinLeaveGroup"))
			.containsEntry("webpubsub.group", List.of("g1"));
	}

	@Test
	void expiresAfterSixtyMinutesByDefault() {
		ClientAccessUrl url = this.tokens.generateBlocking(connection("Endpoint=https://abc;AccessKey=" + KEY),
				ClientAccessOptions.forHub("hub"));
		assertThat(claims(url.accessToken())).containsEntry("iat", (int) NOW.getEpochSecond())
			.containsEntry("exp", (int) NOW.plus(Duration.ofMinutes(60)).getEpochSecond());
	}

	@Test
	void expiresAfterTheRequestedLifetime() {
		for (int minutes = 1; minutes <= 4; minutes++) {
			ClientAccessUrl url = this.tokens.generateBlocking(connection("Endpoint=https://abc;AccessKey=" + KEY),
					ClientAccessOptions.forHub("hub").withLifetime(Duration.ofMinutes(minutes)));
			assertThat(claims(url.accessToken())).containsEntry("exp",
					(int) NOW.plus(Duration.ofMinutes(minutes)).getEpochSecond());
		}
	}

	@Test
	void generatesOnTheDefaultConnection() {
		ClientAccessTokens tokens = new ClientAccessTokens(
				new SingleConnection(connection("Endpoint=https://abc;AccessKey=" + KEY)), templateService());
		StepVerifier.create(tokens.generate(ClientAccessOptions.forHub("chat")))
			.assertNext((url) -> assertThat(url.baseUrl()).isEqualTo("wss://abc/client/hubs/chat"))
			.verifyComplete();
		assertThat(tokens.generateBlocking(ClientAccessOptions.forHub("chat")).baseUrl())
			.isEqualTo("wss://abc/client/hubs/chat");
	}

	@Test
	void failsWithoutDefaultConnection() {
		StepVerifier.create(this.tokens.generate(ClientAccessOptions.forHub("chat")))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("WebPubSubConnectionString"));
	}

	@Test
	void neverPrintsTheToken() {
		ClientAccessUrl url = this.tokens.generateBlocking(connection("Endpoint=https://abc;AccessKey=" + KEY),
				ClientAccessOptions.forHub("hub"));
		assertThat(url.toString()).doesNotContain(url.accessToken()).contains(url.baseUrl());
	}

	@Nested
	class Options {

		@Test
		void rejectInvalidHubs() {
			for (String hub : List.of("", "1hub", "_hub", "hub/x", "../x", "h u b", "hub?x", "a".repeat(129))) {
				assertThatIllegalArgumentException().isThrownBy(() -> ClientAccessOptions.forHub(hub))
					.withMessageContaining("'hub'");
			}
		}

		@Test
		void acceptHubsOfTheServicePattern() {
			for (String hub : List.of("a", "Chat_Hub1", "h`,.[]", "a".repeat(128))) {
				assertThat(ClientAccessOptions.forHub(hub).hub()).isEqualTo(hub);
			}
		}

		@Test
		void rejectLifetimesThatAreNotPositive() {
			ClientAccessOptions options = ClientAccessOptions.forHub("hub");
			assertThatIllegalArgumentException().isThrownBy(() -> options.withLifetime(Duration.ZERO))
				.withMessageContaining("'lifetime'");
			assertThatIllegalArgumentException().isThrownBy(() -> options.withLifetime(Duration.ofMinutes(-1)))
				.withMessageContaining("'lifetime'");
		}

		@Test
		void rejectEmptyUserIdsRolesAndGroups() {
			ClientAccessOptions options = ClientAccessOptions.forHub("hub");
			assertThatIllegalArgumentException().isThrownBy(() -> options.withUserId(""))
				.withMessageContaining("'userId'");
			List<String> withNull = new ArrayList<>();
			withNull.add(null);
			assertThatIllegalArgumentException().isThrownBy(() -> options.withRoles(withNull))
				.withMessageContaining("'roles'");
			assertThatIllegalArgumentException().isThrownBy(() -> options.withGroups(List.of(" ")))
				.withMessageContaining("'groups'");
		}

		@Test
		void areImmutable() {
			List<String> roles = new ArrayList<>(List.of("a"));
			ClientAccessOptions options = ClientAccessOptions.forHub("hub").withRoles(roles);
			roles.add("b");
			assertThat(options.roles()).containsExactly("a");
		}

	}

	@Nested
	class IdentityBasedConnections {

		private HttpServer server;

		private final Map<String, Object> received = new HashMap<>();

		private int status = 200;

		private int unavailableAnswers;

		private int requests;

		private String body = "{\"token\":\"service.issued.token\"}";

		private WebPubSubConnection start() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/", this::handle);
			this.server.start();
			return WebPubSubConnection.withEntraId("WebPubSubConnectionString",
					URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()), () -> Mono.just("entra-token"));
		}

		private void handle(HttpExchange exchange) throws IOException {
			synchronized (this.received) {
				this.received.put("method", exchange.getRequestMethod());
				this.received.put("path", exchange.getRequestURI().getRawPath());
				this.received.put("query", queryParameters(exchange.getRequestURI().getRawQuery()));
				this.received.put("rawQuery", exchange.getRequestURI().getRawQuery());
				this.received.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
			}
			this.requests++;
			boolean unavailable = this.requests <= this.unavailableAnswers;
			byte[] response = (unavailable ? "{}" : this.body).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(unavailable ? 503 : this.status, response.length);
			exchange.getResponseBody().write(response);
			exchange.close();
		}

		@AfterEach
		void stop() {
			if (this.server != null) {
				this.server.stop(0);
			}
		}

		@Test
		void askTheServiceForATokenWithAnEntraBearer() throws IOException {
			WebPubSubConnection connection = start();
			ClientAccessOptions options = ClientAccessOptions.forHub("chat")
				.withUserId("user 1")
				.withRoles(List.of("webpubsub.joinLeaveGroup", "special&char"))
				.withGroups(List.of("group1", "group+2"))
				.withLifetime(Duration.ofSeconds(150));
			StepVerifier.create(ClientAccessTokensTests.this.tokens.generate(connection, options))
				.assertNext((url) -> {
					assertThat(url.baseUrl()).isEqualTo("ws://127.0.0.1:" + this.server.getAddress().getPort()
							+ "/client/hubs/chat");
					assertThat(url.url()).isEqualTo(url.baseUrl() + "?access_token=service.issued.token");
					assertThat(url.accessToken()).isEqualTo("service.issued.token");
				})
				.verifyComplete();
			assertThat(this.received).containsEntry("method", "POST")
				.containsEntry("path", "/api/hubs/chat/:generateToken")
				.containsEntry("authorization", "Bearer entra-token");
			assertThat(this.received.get("query")).isEqualTo(Map.of("api-version", List.of("2024-12-01"), "userId",
					List.of("user 1"), "role", List.of("webpubsub.joinLeaveGroup", "special&char"), "minutesToExpire",
					List.of("2"), "group", List.of("group1", "group+2"), "clientType", List.of("default")));
		}

		@ParameterizedTest
		@CsvSource({ "59, 1", "61, 1", "119, 1", "121, 2", "3600, 60" })
		void askForWholeMinutesAndAtLeastOneLikeTheDotNetSdk(long seconds, String minutesToExpire) throws IOException {
			WebPubSubConnection connection = start();
			ClientAccessTokensTests.this.tokens.generateBlocking(connection,
					ClientAccessOptions.forHub("chat").withLifetime(Duration.ofSeconds(seconds)));
			assertThat(this.received.get("query")).isEqualTo(Map.of("api-version", List.of("2024-12-01"),
					"minutesToExpire", List.of(minutesToExpire), "clientType", List.of("default")));
		}

		@Test
		void sendUserAndRepeatedRolesInTheOrderOfTheDotNetSdk() throws IOException {
			WebPubSubConnection connection = start();
			ClientAccessTokensTests.this.tokens.generateBlocking(connection, ClientAccessOptions.forHub("chat")
				.withUserId("foo")
				.withRoles(List.of("a", "b"))
				.withLifetime(Duration.ofMinutes(1)));
			assertThat(this.received.get("rawQuery"))
				.isEqualTo("api-version=2024-12-01&userId=foo&minutesToExpire=1&role=a&role=b&clientType=default");
		}

		@Test
		void passTheClientTypeAndLeaveOutAnAnonymousUser() throws IOException {
			WebPubSubConnection connection = start();
			ClientAccessUrl url = ClientAccessTokensTests.this.tokens.generateBlocking(connection,
					ClientAccessOptions.forHub("chat").withProtocol(ClientProtocol.MQTT));
			assertThat(url.baseUrl()).endsWith("/clients/mqtt/hubs/chat");
			assertThat(this.received.get("query")).isEqualTo(Map.of("api-version", List.of("2024-12-01"),
					"minutesToExpire", List.of("60"), "clientType", List.of("mqtt")));
		}

		@Test
		void reportAFailedCallWithItsStatus() throws IOException {
			this.status = 401;
			this.body = "{\"code\":\"Unauthorized\"}";
			WebPubSubConnection connection = start();
			assertThatIllegalStateException()
				.isThrownBy(() -> ClientAccessTokensTests.this.tokens.generateBlocking(connection,
						ClientAccessOptions.forHub("chat")))
				.withMessageContaining(":generateToken")
				.withMessageContaining("401");
		}

		@Test
		void retryTransientFailuresLikeEveryOperationOfTheTemplate() throws IOException {
			this.unavailableAnswers = 2;
			WebPubSubConnection connection = start();
			ClientAccessUrl url = ClientAccessTokensTests.this.tokens.generateBlocking(connection,
					ClientAccessOptions.forHub("chat"));
			assertThat(url.accessToken()).isEqualTo("service.issued.token");
			assertThat(this.requests).isEqualTo(3);
		}

		@Test
		void reportAnAnswerWithoutToken() throws IOException {
			this.body = "not json";
			WebPubSubConnection connection = start();
			StepVerifier.create(ClientAccessTokensTests.this.tokens.generate(connection, ClientAccessOptions.forHub("chat")))
				.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("did not answer with {\"token\""));
		}

	}

	private static Map<String, List<String>> queryParameters(String rawQuery) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (String pair : rawQuery.split("&")) {
			String[] parts = pair.split("=", 2);
			parameters.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), (name) -> new ArrayList<>())
				.add(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private static String withoutQuery(String url) {
		return url.substring(0, url.indexOf('?'));
	}

	private static Map<String, Object> header(String token) {
		return TokenClaims.readObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]),
				StandardCharsets.UTF_8));
	}

	private static Map<String, Object> claims(String token) {
		return TokenClaims.of(token);
	}

	private static boolean signatureIsValid(String token, String key) {
		try {
			int lastDot = token.lastIndexOf('.');
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
			return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record SingleConnection(WebPubSubConnection connection) implements WebPubSubConnections {

		@Override
		public Optional<WebPubSubConnection> find(String name) {
			return DEFAULT_NAME.equals(name) ? Optional.ofNullable(this.connection) : Optional.empty();
		}

		@Override
		public Collection<WebPubSubConnection> all() {
			return (this.connection != null) ? List.of(this.connection) : List.of();
		}

	}

}
