package dev.webpubsub.spring.web.reactive;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.autoconfigure.WebPubSubAutoConfiguration;
import dev.webpubsub.spring.autoconfigure.WebPubSubNegotiateAutoConfiguration;
import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.token.NegotiateTokenCustomizer;
import dev.webpubsub.spring.token.TokenClaims;
import dev.webpubsub.spring.token.WebPubSubHubs;
import dev.webpubsub.spring.token.WebPubSubUserIdResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Spring WebFlux {@link NegotiateHandler}, wired by auto-configuration.
 */
class NegotiateHandlerTests {

	private static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebPubSubAutoConfiguration.class,
				WebPubSubNegotiateAutoConfiguration.class, WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class,
				JacksonAutoConfiguration.class))
		.withPropertyValues("WebPubSubConnectionString=Endpoint=http://localhost;Port=8080;AccessKey=" + KEY,
				"WebPubSubHub=chat");

	private static WebTestClient client(ApplicationContext context) {
		return client(context, null);
	}

	private static WebTestClient client(ApplicationContext context, @Nullable Principal principal) {
		if (principal == null) {
			return WebTestClient.bindToApplicationContext(context).build();
		}
		return WebTestClient.bindToApplicationContext(context)
			.webFilter((exchange, chain) -> chain.filter(exchange.mutate().principal(Mono.just(principal)).build()))
			.build();
	}

	private static Map<String, Object> body(WebTestClient.ResponseSpec response) {
		String json = response.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.cacheControl(CacheControl.noStore())
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> body = TokenClaims.readObject(json);
		assertThat(body).containsOnlyKeys("baseUrl", "url", "accessToken");
		assertThat(body.get("url")).isEqualTo(body.get("baseUrl") + "?access_token=" + body.get("accessToken"));
		return body;
	}

	private static Map<String, Object> claims(WebTestClient.ResponseSpec response) {
		return TokenClaims.of((String) body(response).get("accessToken"));
	}

	private static void assertBadRequest(WebTestClient.ResponseSpec response, String reason) {
		response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo(reason);
	}

	@Test
	void givesAnonymousClientsATokenWithoutUser() {
		this.contextRunner.run((context) -> {
			Map<String, Object> body = body(client(context).get().uri("/negotiate").exchange());
			assertThat(body).containsEntry("baseUrl", "ws://localhost:8080/client/hubs/chat");
			assertThat(TokenClaims.of((String) body.get("accessToken"))).containsOnlyKeys("aud", "iat", "exp")
				.containsEntry("aud", "http://localhost:8080/client/hubs/chat");
		});
	}

	@Test
	void givesAuthenticatedClientsTheirPrincipalName() {
		this.contextRunner.run((context) -> assertThat(
				claims(client(context, () -> "alice").get().uri("/negotiate?userId=admin").exchange()))
			.containsEntry("sub", "alice"));
	}

	@Test
	void treatsSpringSecurityAnonymousAuthenticationAsAnonymous() {
		AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		this.contextRunner.run((context) -> assertThat(
				claims(client(context, anonymous).get().uri("/negotiate").exchange()))
			.doesNotContainKey("sub"));
	}

	@Test
	void ignoresClientSuppliedUserRolesGroupsAndLifetime() {
		this.contextRunner.run((context) -> {
			Map<String, Object> claims = claims(client(context).get()
				.uri("/negotiate?userId=admin&role=webpubsub.sendToGroup&group=admins&minutesToExpire=100000")
				.exchange());
			assertThat(claims).doesNotContainKeys("sub", "role", "webpubsub.group");
			assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
				.isEqualTo(3600);
		});
	}

	@Test
	void usesTheApplicationsUserIdResolver() {
		this.contextRunner
			.withBean(WebPubSubUserIdResolver.class,
					() -> (request) -> Optional.ofNullable(request.queryParameter("userId")))
			.run((context) -> assertThat(claims(client(context).get().uri("/negotiate?userId=demo-user").exchange()))
				.containsEntry("sub", "demo-user"));
	}

	@Test
	void servesTheHubsOfThePropertiesAndOfHubBeans() {
		this.contextRunner.withPropertyValues("webpubsub.negotiate.hubs=lobby")
			.withBean(WebPubSubHubs.class, () -> () -> List.of("handled"))
			.run((context) -> {
				WebTestClient client = client(context);
				assertThat(body(client.get().uri("/negotiate?hub=Lobby").exchange())).containsEntry("baseUrl",
						"ws://localhost:8080/client/hubs/lobby");
				assertThat(body(client.get().uri("/negotiate?hub=handled").exchange())).containsEntry("baseUrl",
						"ws://localhost:8080/client/hubs/handled");
			});
	}

	@Test
	void rejectsHostileHubParameters() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			String reason = "Parameter 'hub' does not name a hub of this application";
			for (String hub : List.of("unknown", "..%2Fx", "chat%2F..%2Fadmin", "", "c".repeat(5000))) {
				assertBadRequest(client.get().uri("/negotiate?hub=" + hub).exchange(), reason);
			}
			assertBadRequest(client.get().uri("/negotiate?hub=chat&hub=chat").exchange(),
					"Parameter 'hub' must be given once");
		});
	}

	@Test
	void appliesTheTokenPropertiesAndCustomizers() {
		this.contextRunner
			.withPropertyValues("webpubsub.negotiate.roles=webpubsub.joinLeaveGroup", "webpubsub.negotiate.groups=lobby",
					"webpubsub.negotiate.token-time-to-live=10m", "webpubsub.negotiate.client-protocol=socketio")
			.withBean(NegotiateTokenCustomizer.class,
					() -> (request, options) -> ("alice".equals(options.userId()))
							? options.withLifetime(Duration.ofMinutes(2)) : options)
			.run((context) -> {
				Map<String, Object> body = body(client(context).get().uri("/negotiate").exchange());
				assertThat(body).containsEntry("baseUrl", "ws://localhost:8080/clients/socketio/hubs/chat");
				Map<String, Object> claims = TokenClaims.of((String) body.get("accessToken"));
				assertThat(claims).containsEntry("role", List.of("webpubsub.joinLeaveGroup"))
					.containsEntry("webpubsub.group", List.of("lobby"));
				assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
					.isEqualTo(600);
				Map<String, Object> alice = claims(client(context, () -> "alice").get().uri("/negotiate").exchange());
				assertThat(((Number) alice.get("exp")).longValue() - ((Number) alice.get("iat")).longValue())
					.isEqualTo(120);
			});
	}

	@Test
	void servesACustomPath() {
		this.contextRunner.withPropertyValues("webpubsub.negotiate.path=/api/negotiate").run((context) -> {
			client(context).get().uri("/api/negotiate").exchange().expectStatus().isOk();
			client(context).get().uri("/negotiate").exchange().expectStatus().isNotFound();
		});
	}

	@Test
	void isAbsentWhenDisabled() {
		this.contextRunner.withPropertyValues("webpubsub.negotiate.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(NegotiateHandler.class);
			client(context).get().uri("/negotiate").exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
		});
	}

	@Test
	void asksTheServiceForTokensOfIdentityBasedConnections() {
		AtomicReference<ClientRequest> sent = new AtomicReference<>();
		WebClient.Builder webClient = WebClient.builder().exchangeFunction((request) -> {
			sent.set(request);
			return Mono.just(ClientResponse.create(HttpStatus.OK)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.body("{\"token\":\"issued.by.service\"}")
				.build());
		});
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebPubSubAutoConfiguration.class,
					WebPubSubNegotiateAutoConfiguration.class, WebFluxAutoConfiguration.class))
			.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com", "WebPubSubHub=chat",
					"webpubsub.negotiate.roles=webpubsub.joinLeaveGroup")
			.withBean(EntraTokenProvider.class, () -> () -> Mono.just("entra"))
			.withBean(WebClient.Builder.class, () -> webClient)
			.run((context) -> {
				assertThat(body(client(context, () -> "alice").get().uri("/negotiate?userId=admin").exchange()))
					.containsEntry("url", "wss://abc.webpubsub.azure.com/client/hubs/chat?access_token=issued.by.service");
				assertThat(sent.get().url()).isEqualTo(URI.create("https://abc.webpubsub.azure.com/api/hubs/chat/"
						+ ":generateToken?api-version=2024-12-01&userId=alice&role=webpubsub.joinLeaveGroup"
						+ "&minutesToExpire=60&clientType=default"));
				assertThat(sent.get().headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer entra");
			});
	}

	@Test
	void givesTheUserOfSpringSecurityAuthentication() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ReactiveWebSecurityAutoConfiguration.class,
					ReactiveUserDetailsServiceAutoConfiguration.class))
			.withPropertyValues("spring.security.user.name=alice", "spring.security.user.password=secret")
			.run((context) -> {
				WebTestClient client = client(context);
				client.get().uri("/negotiate").exchange().expectStatus().isUnauthorized();
				assertThat(claims(client.get()
					.uri("/negotiate?userId=admin")
					.headers((headers) -> headers.setBasicAuth("alice", "secret"))
					.exchange())).containsEntry("sub", "alice");
			});
	}

}
