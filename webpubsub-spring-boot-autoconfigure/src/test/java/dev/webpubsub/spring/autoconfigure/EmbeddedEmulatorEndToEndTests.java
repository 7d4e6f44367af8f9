package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.emulator.EventHandlerSettings;
import dev.webpubsub.emulator.WebPubSubEmulator;
import dev.webpubsub.spring.annotation.WebPubSubEventHandler;
import dev.webpubsub.spring.event.ConnectEventRequest;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.template.WebPubSubMessage;
import dev.webpubsub.spring.template.WebPubSubTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded emulator end to end, in a Spring MVC application with every auto-configuration and no connection
 * configured: negotiate, a real WebSocket client, the emulator's upstream events reaching the handler methods, and a
 * broadcast through {@link WebPubSubTemplate} reaching the client.
 */
@SpringBootTest(classes = EmbeddedEmulatorEndToEndTests.ChatApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.servlet.context-path=/app",
				"spring.security.user.name=alice", "spring.security.user.password=secret" })
class EmbeddedEmulatorEndToEndTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	WebPubSubEmulator emulator;

	@Autowired
	ChatHandlers handlers;

	@Test
	void registersTheApplicationsWebhookForExactlyTheHandledEvents() {
		assertThat(this.emulator.getEventHandlers("chat")).containsExactly(
				new EventHandlerSettings("http://127.0.0.1:" + this.port + "/app/eventhandler", "message",
						Set.of("connect", "connected", "disconnected")));
	}

	@Test
	void negotiatesConnectsAndBroadcastsThroughTheEmulator() throws Exception {
		HttpResponse<String> negotiate = negotiate("chat");
		assertThat(negotiate.statusCode()).isEqualTo(200);
		String url = JSON.readTree(negotiate.body()).get("url").asString();
		assertThat(url).startsWith(this.emulator.endpoint().replace("http:", "ws:") + "/client/hubs/chat?");

		TestWebSocket client = TestWebSocket.connect(url);
		JsonNode connected = client.next("system");
		assertThat(connected.get("event").asString()).isEqualTo("connected");
		assertThat(connected.get("userId").asString()).isEqualTo("alice");
		String connectionId = connected.get("connectionId").asString();
		await().until(() -> this.handlers.events.contains("connected alice " + connectionId));
		assertThat(this.handlers.events).containsSubsequence("connect alice " + connectionId,
				"connected alice " + connectionId);

		client.sendEvent("message", "hello");
		JsonNode broadcast = client.next("message");
		assertThat(broadcast.get("from").asString()).isEqualTo("server");
		assertThat(broadcast.get("data").asString()).isEqualTo("alice: hello");

		client.close();
		await().until(() -> this.handlers.events.contains("disconnected alice " + connectionId));
	}

	@Test
	void negotiatesOnlyForHandledHubs() throws Exception {
		assertThat(negotiate("other").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> negotiate(String hub) throws Exception {
		String credentials = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/app/negotiate?hub=" + hub))
			.header("Authorization", "Basic " + credentials)
			.build();
		return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ChatApplication {

		@Bean
		ChatHandlers chatHandlers(WebPubSubTemplate template) {
			return new ChatHandlers(template);
		}

		/**
		 * Negotiate needs a logged-in user, whose name becomes the user id; the service's calls to the webhook carry
		 * no CSRF token and are validated by their signature instead.
		 */
		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/negotiate")
					.authenticated()
					.anyRequest()
					.permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.ignoringRequestMatchers("/eventhandler"))
				.build();
		}

	}

	static class ChatHandlers {

		final List<String> events = new CopyOnWriteArrayList<>();

		private final WebPubSubTemplate template;

		ChatHandlers(WebPubSubTemplate template) {
			this.template = template;
		}

		@WebPubSubEventHandler(hub = "chat", event = "connect")
		void connect(ConnectEventRequest request) {
			record("connect", request.getConnectionContext());
		}

		@WebPubSubEventHandler(hub = "chat", event = "connected")
		void connected(WebPubSubConnectionContext context) {
			record("connected", context);
		}

		@WebPubSubEventHandler(hub = "chat", event = "message")
		void message(UserEventRequest request, WebPubSubConnectionContext context) {
			this.template.hub(context.getHub())
				.sendToAll(WebPubSubMessage.text(context.getUserId() + ": " + request.getDataAsString()));
		}

		@WebPubSubEventHandler(hub = "chat", event = "disconnected")
		void disconnected(WebPubSubConnectionContext context) {
			record("disconnected", context);
		}

		private void record(String event, WebPubSubConnectionContext context) {
			this.events.add(event + " " + context.getUserId() + " " + context.getConnectionId());
		}

	}

}
