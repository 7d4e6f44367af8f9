package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.emulator.EventHandlerSettings;
import dev.webpubsub.emulator.WebPubSubEmulator;
import dev.webpubsub.spring.annotation.WebPubSubEventHandler;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.template.ReactiveWebPubSubOperations;
import dev.webpubsub.spring.template.WebPubSubMessage;
import dev.webpubsub.spring.token.WebPubSubUserIdResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded emulator end to end in a WebFlux application served under a base path: the emulator's event handler
 * points at the reactive webhook, and a user event's handler broadcasts without blocking.
 */
@SpringBootTest(classes = ReactiveEmbeddedEmulatorEndToEndTests.ReactiveChatApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "spring.webflux.base-path=/rx",
				"WebPubSubHub=chat" })
class ReactiveEmbeddedEmulatorEndToEndTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	WebPubSubEmulator emulator;

	@Test
	void registersTheReactiveWebhookUnderTheBasePath() {
		assertThat(this.emulator.getEventHandlers("chat")).containsExactly(new EventHandlerSettings(
				"http://127.0.0.1:" + this.port + "/rx/eventhandler", "message", Set.of()));
	}

	@Test
	void negotiatesConnectsAndBroadcastsThroughTheEmulator() throws Exception {
		HttpResponse<String> negotiate = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/rx/negotiate?userId=carol"))
				.build(), BodyHandlers.ofString());
		assertThat(negotiate.statusCode()).isEqualTo(200);
		TestWebSocket client = TestWebSocket.connect(JSON.readTree(negotiate.body()).get("url").asString());
		assertThat(client.next("system").get("userId").asString()).isEqualTo("carol");

		client.sendEvent("message", "hi");
		assertThat(client.next("message").get("data").asString()).isEqualTo("carol: hi");
		client.close();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReactiveChatApplication {

		@Bean
		ReactiveChatHandler reactiveChatHandler(ReactiveWebPubSubOperations operations) {
			return new ReactiveChatHandler(operations);
		}

		@Bean
		WebPubSubUserIdResolver userIdResolver() {
			return (request) -> Optional.ofNullable(request.queryParameter("userId"));
		}

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

	}

	static class ReactiveChatHandler {

		private final ReactiveWebPubSubOperations operations;

		ReactiveChatHandler(ReactiveWebPubSubOperations operations) {
			this.operations = operations;
		}

		@WebPubSubEventHandler(event = "message")
		Mono<Void> message(UserEventRequest request, WebPubSubConnectionContext context) {
			return this.operations.sendToAll(WebPubSubMessage.text(context.getUserId() + ": " + request.getDataAsString()));
		}

	}

}
