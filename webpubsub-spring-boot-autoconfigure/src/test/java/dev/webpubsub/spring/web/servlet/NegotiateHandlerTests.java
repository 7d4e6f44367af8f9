package dev.webpubsub.spring.web.servlet;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
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
 * Tests for the Spring MVC {@link NegotiateHandler}, wired by auto-configuration.
 */
class NegotiateHandlerTests {

	private static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebPubSubAutoConfiguration.class,
				WebPubSubNegotiateAutoConfiguration.class, WebMvcAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withPropertyValues("WebPubSubConnectionString=Endpoint=https://abc.webpubsub.azure.com;AccessKey=" + KEY,
				"WebPubSubHub=chat");

	private static Map<String, Object> body(MvcTestResult result) throws Exception {
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).headers().hasValue(HttpHeaders.CACHE_CONTROL, "no-store");
		Map<String, Object> body = TokenClaims.readObject(result.getResponse().getContentAsString());
		assertThat(body).containsOnlyKeys("baseUrl", "url", "accessToken");
		assertThat(body.get("url")).isEqualTo(body.get("baseUrl") + "?access_token=" + body.get("accessToken"));
		return body;
	}

	private static Map<String, Object> claims(MvcTestResult result) throws Exception {
		return TokenClaims.of((String) body(result).get("accessToken"));
	}

	private static void assertBadRequest(MvcTestResult result, String reason) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN);
		assertThat(result).bodyText().isEqualTo(reason);
	}

	@Test
	void givesAnonymousClientsATokenWithoutUser() {
		this.contextRunner.run((context) -> {
			MvcTestResult result = MockMvcTester.from(context).get().uri("/negotiate").exchange();
			assertThat(body(result)).containsEntry("baseUrl", "wss://abc.webpubsub.azure.com/client/hubs/chat");
			assertThat(claims(result)).containsOnlyKeys("aud", "iat", "exp")
				.containsEntry("aud", "https://abc.webpubsub.azure.com/client/hubs/chat");
		});
	}

	@Test
	void givesAuthenticatedClientsTheirPrincipalName() {
		this.contextRunner.run((context) -> assertThat(
				claims(MockMvcTester.from(context).get().uri("/negotiate").principal(() -> "alice").exchange()))
			.containsEntry("sub", "alice"));
	}

	@Test
	void treatsSpringSecurityAnonymousAuthenticationAsAnonymous() {
		this.contextRunner.run((context) -> assertThat(claims(MockMvcTester.from(context)
			.get()
			.uri("/negotiate")
			.principal(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))
			.exchange())).doesNotContainKey("sub"));
	}

	@Test
	void ignoresAClientSuppliedUserId() {
		this.contextRunner.run((context) -> {
			MockMvcTester mvc = MockMvcTester.from(context);
			assertThat(claims(mvc.get().uri("/negotiate?userId=admin").exchange())).doesNotContainKey("sub");
			assertThat(claims(mvc.get().uri("/negotiate?userId=admin&sub=admin").principal(() -> "alice").exchange()))
				.containsEntry("sub", "alice");
		});
	}

	@Test
	void ignoresClientSuppliedRolesGroupsAndLifetime() {
		this.contextRunner.run((context) -> {
			Map<String, Object> claims = claims(MockMvcTester.from(context)
				.get()
				.uri("/negotiate?role=webpubsub.sendToGroup&roles=webpubsub.sendToGroup&group=admins"
						+ "&minutesToExpire=100000&clientProtocol=mqtt")
				.exchange());
			assertThat(claims).doesNotContainKeys("role", "webpubsub.group");
			assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
				.isEqualTo(3600);
			assertThat((String) claims.get("aud")).endsWith("/client/hubs/chat");
		});
	}

	@Test
	void usesTheApplicationsUserIdResolver() {
		this.contextRunner
			.withBean(WebPubSubUserIdResolver.class,
					() -> (request) -> Optional.ofNullable(request.queryParameter("userId")))
			.run((context) -> assertThat(
					claims(MockMvcTester.from(context).get().uri("/negotiate?userId=demo-user").exchange()))
				.containsEntry("sub", "demo-user"));
	}

	@Test
	void servesTheHubsOfThePropertiesAndOfHubBeans() {
		this.contextRunner.withPropertyValues("webpubsub.negotiate.hubs=lobby,news")
			.withBean(WebPubSubHubs.class, () -> () -> List.of("handled"))
			.run((context) -> {
				MockMvcTester mvc = MockMvcTester.from(context);
				assertThat(body(mvc.get().uri("/negotiate?hub=lobby").exchange())).containsEntry("baseUrl",
						"wss://abc.webpubsub.azure.com/client/hubs/lobby");
				assertThat(body(mvc.get().uri("/negotiate?hub=NEWS").exchange())).containsEntry("baseUrl",
						"wss://abc.webpubsub.azure.com/client/hubs/news");
				assertThat(body(mvc.get().uri("/negotiate?hub=handled").exchange())).containsEntry("baseUrl",
						"wss://abc.webpubsub.azure.com/client/hubs/handled");
			});
	}

	@Test
	void rejectsHostileHubParameters() {
		this.contextRunner.run((context) -> {
			MockMvcTester mvc = MockMvcTester.from(context);
			String reason = "Parameter 'hub' does not name a hub of this application";
			assertBadRequest(mvc.get().uri("/negotiate").param("hub", "unknown").exchange(), reason);
			assertBadRequest(mvc.get().uri("/negotiate").param("hub", "../x").exchange(), reason);
			assertBadRequest(mvc.get().uri("/negotiate").param("hub", "chat/../admin").exchange(), reason);
			assertBadRequest(mvc.get().uri("/negotiate").param("hub", "").exchange(), reason);
			assertBadRequest(mvc.get().uri("/negotiate").param("hub", "c".repeat(5000)).exchange(), reason);
			assertBadRequest(mvc.get().uri("/negotiate").param("hub", "chat", "chat").exchange(),
					"Parameter 'hub' must be given once");
		});
	}

	@Test
	void requiresTheHubParameterWithoutDefaultHub() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebPubSubAutoConfiguration.class,
					WebPubSubNegotiateAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.withPropertyValues("WebPubSubConnectionString=Endpoint=https://abc.webpubsub.azure.com;AccessKey=" + KEY,
					"webpubsub.negotiate.hubs=lobby")
			.run((context) -> {
				MockMvcTester mvc = MockMvcTester.from(context);
				assertBadRequest(mvc.get().uri("/negotiate").exchange(), "Parameter 'hub' is required");
				assertThat(mvc.get().uri("/negotiate?hub=lobby").exchange()).hasStatusOk();
			});
	}

	@Test
	void appliesTheTokenProperties() {
		this.contextRunner
			.withPropertyValues("webpubsub.negotiate.roles=webpubsub.joinLeaveGroup.lobby,webpubsub.sendToGroup.lobby",
					"webpubsub.negotiate.groups=lobby", "webpubsub.negotiate.token-time-to-live=10m",
					"webpubsub.negotiate.client-protocol=mqtt")
			.run((context) -> {
				MvcTestResult result = MockMvcTester.from(context).get().uri("/negotiate").exchange();
				Map<String, Object> body = body(result);
				assertThat(body).containsEntry("baseUrl", "wss://abc.webpubsub.azure.com/clients/mqtt/hubs/chat");
				Map<String, Object> claims = TokenClaims.of((String) body.get("accessToken"));
				assertThat(claims)
					.containsEntry("role", List.of("webpubsub.joinLeaveGroup.lobby", "webpubsub.sendToGroup.lobby"))
					.containsEntry("webpubsub.group", List.of("lobby"));
				assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
					.isEqualTo(600);
			});
	}

	@Test
	void appliesCustomizersAfterTheProperties() {
		this.contextRunner.withPropertyValues("webpubsub.negotiate.roles=webpubsub.joinLeaveGroup")
			.withBean(NegotiateTokenCustomizer.class,
					() -> (request, options) -> ("alice".equals(options.userId()))
							? options.withRoles(List.of("webpubsub.sendToGroup")).withLifetime(Duration.ofMinutes(1))
							: options)
			.run((context) -> {
				MockMvcTester mvc = MockMvcTester.from(context);
				assertThat(claims(mvc.get().uri("/negotiate").principal(() -> "alice").exchange()))
					.containsEntry("role", List.of("webpubsub.sendToGroup"));
				assertThat(claims(mvc.get().uri("/negotiate").principal(() -> "bob").exchange()))
					.containsEntry("role", List.of("webpubsub.joinLeaveGroup"));
			});
	}

	@Test
	void servesACustomPath() {
		this.contextRunner.withPropertyValues("webpubsub.negotiate.path=/api/webpubsub/negotiate").run((context) -> {
			MockMvcTester mvc = MockMvcTester.from(context);
			assertThat(mvc.get().uri("/api/webpubsub/negotiate").exchange()).hasStatusOk();
			assertThat(mvc.get().uri("/negotiate").exchange()).hasStatus(HttpStatus.NOT_FOUND);
		});
	}

	@Test
	void answersOnlyGet() {
		this.contextRunner.run((context) -> assertThat(MockMvcTester.from(context).post().uri("/negotiate").exchange())
			.hasStatus4xxClientError());
	}

	@Test
	void isAbsentWhenDisabled() {
		this.contextRunner.withPropertyValues("webpubsub.negotiate.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(NegotiateHandler.class);
			assertThat(MockMvcTester.from(context).get().uri("/negotiate").exchange()).hasStatus(HttpStatus.NOT_FOUND);
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
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebPubSubAutoConfiguration.class,
					WebPubSubNegotiateAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com", "WebPubSubHub=chat",
					"webpubsub.negotiate.roles=webpubsub.joinLeaveGroup")
			.withBean(EntraTokenProvider.class, () -> () -> Mono.just("entra"))
			.withBean(WebClient.Builder.class, () -> webClient)
			.run((context) -> {
				MvcTestResult result = MockMvcTester.from(context)
					.get()
					.uri("/negotiate?userId=admin")
					.principal(() -> "alice")
					.exchange();
				assertThat(body(result)).containsEntry("url",
						"wss://abc.webpubsub.azure.com/client/hubs/chat?access_token=issued.by.service");
				assertThat(sent.get().url()).isEqualTo(URI.create("https://abc.webpubsub.azure.com/api/hubs/chat/"
						+ ":generateToken?api-version=2024-12-01&userId=alice&role=webpubsub.joinLeaveGroup"
						+ "&minutesToExpire=60&clientType=default"));
				assertThat(sent.get().headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer entra");
			});
	}

	@Test
	void givesTheUserOfSpringSecurityAuthentication() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
					ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class))
			.withPropertyValues("spring.security.user.name=alice", "spring.security.user.password=secret")
			.run((context) -> {
				MockMvcTester mvc = secured(context);
				assertThat(mvc.get().uri("/negotiate").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
				assertThat(claims(mvc.get()
					.uri("/negotiate?userId=admin")
					.headers((headers) -> headers.setBasicAuth("alice", "secret"))
					.exchange())).containsEntry("sub", "alice");
			});
	}

	private static MockMvcTester secured(AssertableWebApplicationContext context) {
		return MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build());
	}

}
