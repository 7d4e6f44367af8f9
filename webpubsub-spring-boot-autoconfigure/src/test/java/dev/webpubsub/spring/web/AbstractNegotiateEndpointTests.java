package dev.webpubsub.spring.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import dev.webpubsub.spring.token.GenerateTokenService;
import dev.webpubsub.spring.token.NegotiateTokenCustomizer;
import dev.webpubsub.spring.token.TokenClaims;
import dev.webpubsub.spring.token.WebPubSubHubs;
import dev.webpubsub.spring.token.WebPubSubUserIdResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour of the negotiate endpoint, wired by auto-configuration and run against each web stack.
 *
 * @param <R> the type of context runner of the stack
 */
abstract class AbstractNegotiateEndpointTests<R extends AbstractApplicationContextRunner<R, ?, ?>> {

	static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	static final String CONNECTION_STRING = "WebPubSubConnectionString=Endpoint=https://abc.webpubsub.azure.com;"
			+ "AccessKey=" + KEY;

	/**
	 * Returns a runner of the stack under test with the Web PubSub, web framework and JSON auto-configurations and
	 * no settings.
	 * @return the runner
	 */
	abstract R runner();

	/**
	 * Returns the Spring Security auto-configurations of the stack under test.
	 * @return the auto-configurations
	 */
	abstract AutoConfigurations security();

	/**
	 * Sends a request to the application of the given context, through its security filters when it has them.
	 * @param context the context
	 * @param request the request
	 * @return the response
	 */
	abstract Response exchange(ApplicationContext context, Request request);

	private R contextRunner() {
		return runner().withPropertyValues(CONNECTION_STRING, "WebPubSubHub=chat");
	}

	private Map<String, Object> claims(ApplicationContext context, Request request) {
		return TokenClaims.of((String) exchange(context, request).json().get("accessToken"));
	}

	@Test
	void givesAnonymousClientsATokenWithoutUser() {
		contextRunner().run((context) -> {
			Map<String, Object> body = exchange(context, Request.get("/negotiate")).json();
			assertThat(body).containsEntry("baseUrl", "wss://abc.webpubsub.azure.com/client/hubs/chat");
			assertThat(TokenClaims.of((String) body.get("accessToken"))).containsOnlyKeys("aud", "iat", "exp")
				.containsEntry("aud", "https://abc.webpubsub.azure.com/client/hubs/chat");
		});
	}

	@Test
	void givesAuthenticatedClientsTheirPrincipalName() {
		contextRunner().run((context) -> assertThat(claims(context, Request.get("/negotiate").principal(() -> "alice")))
			.containsEntry("sub", "alice"));
	}

	@Test
	void treatsSpringSecurityAnonymousAuthenticationAsAnonymous() {
		AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		contextRunner().run((context) -> assertThat(claims(context, Request.get("/negotiate").principal(anonymous)))
			.doesNotContainKey("sub"));
	}

	@Test
	void ignoresAClientSuppliedUserId() {
		contextRunner().run((context) -> {
			assertThat(claims(context, Request.get("/negotiate?userId=admin"))).doesNotContainKey("sub");
			assertThat(claims(context, Request.get("/negotiate?userId=admin&sub=admin").principal(() -> "alice")))
				.containsEntry("sub", "alice");
		});
	}

	@Test
	void ignoresClientSuppliedRolesGroupsAndLifetime() {
		contextRunner().run((context) -> {
			Map<String, Object> claims = claims(context,
					Request.get("/negotiate?role=webpubsub.sendToGroup&roles=webpubsub.sendToGroup&group=admins"
							+ "&minutesToExpire=100000&clientProtocol=mqtt"));
			assertThat(claims).doesNotContainKeys("role", "webpubsub.group");
			assertThat(lifetime(claims)).isEqualTo(3600);
			assertThat((String) claims.get("aud")).endsWith("/client/hubs/chat");
		});
	}

	@Test
	void usesTheApplicationsUserIdResolver() {
		contextRunner()
			.withBean(WebPubSubUserIdResolver.class,
					() -> (request) -> Optional.ofNullable(request.queryParameter("userId")))
			.run((context) -> assertThat(claims(context, Request.get("/negotiate?userId=demo-user")))
				.containsEntry("sub", "demo-user"));
	}

	@Test
	void servesTheHubsOfThePropertiesAndOfHubBeans() {
		contextRunner().withPropertyValues("webpubsub.negotiate.hubs=lobby,news")
			.withBean(WebPubSubHubs.class, () -> () -> List.of("handled"))
			.run((context) -> {
				for (String hub : List.of("lobby", "news", "handled")) {
					String requested = "news".equals(hub) ? "NEWS" : hub;
					assertThat(exchange(context, Request.get("/negotiate?hub=" + requested)).json())
						.containsEntry("baseUrl", "wss://abc.webpubsub.azure.com/client/hubs/" + hub);
				}
			});
	}

	@Test
	void rejectsHostileHubParameters() {
		contextRunner().run((context) -> {
			String reason = "Parameter 'hub' does not name a hub of this application";
			for (String hub : List.of("unknown", "..%2Fx", "chat%2F..%2Fadmin", "", "c".repeat(5000))) {
				exchange(context, Request.get("/negotiate?hub=" + hub)).assertBadRequest(reason);
			}
			exchange(context, Request.get("/negotiate?hub=chat&hub=chat"))
				.assertBadRequest("Parameter 'hub' must be given once");
		});
	}

	@Test
	void requiresTheHubParameterWithoutDefaultHub() {
		runner().withPropertyValues(CONNECTION_STRING, "webpubsub.negotiate.hubs=lobby").run((context) -> {
			exchange(context, Request.get("/negotiate")).assertBadRequest("Parameter 'hub' is required");
			assertThat(exchange(context, Request.get("/negotiate?hub=lobby")).status()).isEqualTo(200);
		});
	}

	@Test
	void appliesTheTokenProperties() {
		contextRunner()
			.withPropertyValues("webpubsub.negotiate.roles=webpubsub.joinLeaveGroup.lobby,webpubsub.sendToGroup.lobby",
					"webpubsub.negotiate.groups=lobby", "webpubsub.negotiate.token-time-to-live=10m",
					"webpubsub.negotiate.client-protocol=mqtt")
			.run((context) -> {
				Map<String, Object> body = exchange(context, Request.get("/negotiate")).json();
				assertThat(body).containsEntry("baseUrl", "wss://abc.webpubsub.azure.com/clients/mqtt/hubs/chat");
				Map<String, Object> claims = TokenClaims.of((String) body.get("accessToken"));
				assertThat(claims)
					.containsEntry("role", List.of("webpubsub.joinLeaveGroup.lobby", "webpubsub.sendToGroup.lobby"))
					.containsEntry("webpubsub.group", List.of("lobby"));
				assertThat(lifetime(claims)).isEqualTo(600);
			});
	}

	@Test
	void appliesCustomizersAfterTheProperties() {
		contextRunner()
			.withPropertyValues("webpubsub.negotiate.roles=webpubsub.joinLeaveGroup",
					"webpubsub.negotiate.client-protocol=socketio")
			.withBean(NegotiateTokenCustomizer.class,
					() -> (request, options) -> ("alice".equals(options.userId()))
							? options.withRoles(List.of("webpubsub.sendToGroup")).withLifetime(Duration.ofMinutes(2))
							: options)
			.run((context) -> {
				Map<String, Object> alice = claims(context, Request.get("/negotiate").principal(() -> "alice"));
				assertThat(alice).containsEntry("role", List.of("webpubsub.sendToGroup"))
					.containsEntry("aud", "https://abc.webpubsub.azure.com/clients/socketio/hubs/chat");
				assertThat(lifetime(alice)).isEqualTo(120);
				assertThat(claims(context, Request.get("/negotiate").principal(() -> "bob")))
					.containsEntry("role", List.of("webpubsub.joinLeaveGroup"));
			});
	}

	@Test
	void servesACustomPath() {
		contextRunner().withPropertyValues("webpubsub.negotiate.path=/api/webpubsub/negotiate").run((context) -> {
			assertThat(exchange(context, Request.get("/api/webpubsub/negotiate")).status()).isEqualTo(200);
			assertThat(exchange(context, Request.get("/negotiate")).status()).isEqualTo(404);
		});
	}

	@Test
	void answersOnlyGet() {
		contextRunner().run((context) -> assertThat(exchange(context, Request.post("/negotiate")).status())
			.isBetween(400, 499));
	}

	@Test
	void isAbsentWhenDisabled() {
		contextRunner().withPropertyValues("webpubsub.negotiate.enabled=false").run((context) -> {
			assertThat(context.containsBean("webPubSubNegotiateHandler")).isFalse();
			assertThat(exchange(context, Request.get("/negotiate")).status()).isEqualTo(404);
		});
	}

	@Test
	void asksTheServiceForTokensOfIdentityBasedConnections() {
		GenerateTokenService service = new GenerateTokenService("issued.by.service");
		service.applyTo(runner().withPropertyValues("WebPubSubHub=chat",
				"webpubsub.negotiate.roles=webpubsub.joinLeaveGroup"))
			.run((context) -> {
				assertThat(exchange(context, Request.get("/negotiate?userId=admin").principal(() -> "alice")).json())
					.containsEntry("url", "wss://abc.webpubsub.azure.com/client/hubs/chat?access_token=issued.by.service");
				service.assertLastRequest("/api/hubs/chat/:generateToken?api-version=2024-12-01&userId=alice"
						+ "&minutesToExpire=60&role=webpubsub.joinLeaveGroup&clientType=default");
			});
	}

	@Test
	void givesTheUserOfSpringSecurityAuthentication() {
		contextRunner().withConfiguration(security())
			.withPropertyValues("spring.security.user.name=alice", "spring.security.user.password=secret")
			.run((context) -> {
				assertThat(exchange(context, Request.get("/negotiate")).status()).isEqualTo(401);
				assertThat(claims(context, Request.get("/negotiate?userId=admin").basicAuth("alice", "secret")))
					.containsEntry("sub", "alice");
			});
	}

	private static long lifetime(Map<String, Object> claims) {
		return ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
	}

	/**
	 * A request to the endpoint.
	 *
	 * @param method the method
	 * @param uri the path and query, percent-encoded
	 * @param principal the authenticated principal, if any
	 * @param headers the headers
	 */
	record Request(HttpMethod method, String uri, @Nullable Principal principal, HttpHeaders headers) {

		static Request get(String uri) {
			return new Request(HttpMethod.GET, uri, null, new HttpHeaders());
		}

		static Request post(String uri) {
			return new Request(HttpMethod.POST, uri, null, new HttpHeaders());
		}

		Request principal(Principal principal) {
			return new Request(this.method, this.uri, principal, this.headers);
		}

		Request basicAuth(String user, String password) {
			HttpHeaders headers = new HttpHeaders();
			headers.addAll(this.headers);
			headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
			return new Request(this.method, this.uri, this.principal, headers);
		}

	}

	/**
	 * A response of the endpoint.
	 *
	 * @param status the status
	 * @param headers the headers
	 * @param body the body as text
	 */
	record Response(int status, HttpHeaders headers, String body) {

		/**
		 * Asserts a successful answer and returns its {@code {"baseUrl","url","accessToken"}} object.
		 */
		Map<String, Object> json() {
			assertThat(this.status).isEqualTo(200);
			assertThat(this.headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
			assertThat(this.headers.getCacheControl()).isEqualTo("no-store");
			Map<String, Object> body = TokenClaims.readObject(this.body);
			assertThat(body).containsOnlyKeys("baseUrl", "url", "accessToken");
			assertThat(body.get("url")).isEqualTo(body.get("baseUrl") + "?access_token=" + body.get("accessToken"));
			return body;
		}

		void assertBadRequest(String reason) {
			assertThat(this.status).isEqualTo(400);
			assertThat(this.headers.getContentType()).isNotNull()
				.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue());
			assertThat(this.headers.getCacheControl()).isEqualTo("no-store");
			assertThat(this.body).isEqualTo(reason);
		}

	}

}
