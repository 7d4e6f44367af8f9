package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.emulator.WebPubSubEmulator;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.template.WebPubSubMessage;
import dev.webpubsub.spring.template.WebPubSubTemplate;
import dev.webpubsub.spring.token.WebPubSubUserIdResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An identity-based connection ({@code WebPubSubConnectionString.serviceUri}) end to end against an emulator that
 * accepts unsigned Entra ID style tokens: the application's {@link TokenCredential} authenticates the negotiate
 * endpoint's {@code :generateToken} call and the template's send, and the client receives the message.
 */
@SpringBootTest(classes = IdentityConnectionEndToEndTests.IdentityApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "WebPubSubHub=chat" })
class IdentityConnectionEndToEndTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final WebPubSubEmulator emulator = WebPubSubEmulator.builder()
		.port(0)
		.allowUnvalidatedEntraTokens(true)
		.build()
		.start();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	WebPubSubTemplate template;

	@Autowired
	FakeCredential credential;

	@DynamicPropertySource
	static void identityConnection(DynamicPropertyRegistry registry) {
		registry.add("WebPubSubConnectionString.serviceUri", emulator::endpoint);
	}

	@AfterAll
	static void stopEmulator() {
		emulator.stop();
	}

	@Test
	void usesTheConfiguredServiceInsteadOfTheEmbeddedEmulator() {
		assertThat(this.context.getBeansOfType(WebPubSubEmulator.class)).isEmpty();
		assertThat(this.context.getBean(WebPubSubConnections.class).getDefault().isIdentityBased()).isTrue();
	}

	@Test
	void negotiatesThroughGenerateTokenAndSendsWithEntraTokens() throws Exception {
		HttpResponse<String> negotiate = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/negotiate?userId=bob"))
				.build(), BodyHandlers.ofString());
		assertThat(negotiate.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(negotiate.body());
		// Only the service holds the key, so a token signed with it came from :generateToken.
		JsonNode claims = verifiedClaims(body.get("accessToken").asString(), emulator.accessKey());
		assertThat(claims.get("sub").asString()).isEqualTo("bob");
		assertThat(this.credential.scopes).contains(List.of("https://webpubsub.azure.com/.default"));

		TestWebSocket client = TestWebSocket.connect(body.get("url").asString());
		assertThat(client.next("system").get("userId").asString()).isEqualTo("bob");
		this.template.sendToUser("bob", WebPubSubMessage.text("hello bob"));
		assertThat(client.next("message").get("data").asString()).isEqualTo("hello bob");
		client.close();
	}

	private static JsonNode verifiedClaims(String token, String key) throws Exception {
		String[] parts = token.split("\\.");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))).isTrue();
		return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class IdentityApplication {

		@Bean
		FakeCredential fakeCredential() {
			return new FakeCredential();
		}

		/**
		 * Trusts the {@code userId} query parameter, as a demo would.
		 */
		@Bean
		WebPubSubUserIdResolver userIdResolver() {
			return (request) -> Optional.ofNullable(request.queryParameter("userId"));
		}

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

	/**
	 * Hands out unsigned Entra ID style tokens for the Web PubSub audience, which the emulator accepts when told to.
	 */
	static final class FakeCredential implements TokenCredential {

		final List<List<String>> scopes = new CopyOnWriteArrayList<>();

		@Override
		public Mono<AccessToken> getToken(com.azure.core.credential.TokenRequestContext request) {
			this.scopes.add(List.copyOf(request.getScopes()));
			OffsetDateTime expiry = OffsetDateTime.now().plusHours(1);
			String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
			String payload = encode("{\"aud\":\"https://webpubsub.azure.com\",\"exp\":" + expiry.toEpochSecond()
					+ ",\"iat\":" + Instant.now().getEpochSecond() + "}");
			return Mono.just(new AccessToken(header + "." + payload + ".unsigned", expiry));
		}

		private static String encode(String json) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
		}

	}

}
