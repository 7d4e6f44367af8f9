package dev.webpubsub.spring.handler;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.test.WebPubSubEventBuilder;
import dev.webpubsub.spring.test.WebPubSubEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebPubSubEventPipelineTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void abuseProtectionWithoutAnyConnectionAnswers400WhereExtensionAnswers200() {
		// The extension accepts every origin when nothing is configured; design.md §7.1 accepts only known hosts.
		WebPubSubEventPipeline pipeline = pipeline(connections(), List.of());
		EventResult result = (EventResult) prepare(pipeline, WebPubSubEvents.abuseProtection("any.example.com"));
		assertThat(result.status()).isEqualTo(400);
	}

	@Test
	void abuseProtectionWithStarAllowsAnyOriginAndAnswersStar() {
		WebPubSubEventPipeline pipeline = pipeline(connections(), List.of("*"));
		EventResult result = (EventResult) prepare(pipeline, WebPubSubEvents.abuseProtection("any.example.com"));
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.headers().getFirst("WebHook-Allowed-Origin")).isEqualTo("*");
	}

	@Test
	void abuseProtectionMatchesDefaultConnectionHost() {
		WebPubSubEventPipeline pipeline = pipeline(
				connections(WebPubSubConnection.withAccessKey(WebPubSubConnections.DEFAULT_NAME,
						URI.create("https://demo.webpubsub.azure.com"), "key")),
				List.of());
		EventResult result = (EventResult) prepare(pipeline,
				WebPubSubEvents.abuseProtection("DEMO.webpubsub.azure.com"));
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.headers().getFirst("WebHook-Allowed-Origin")).isEqualTo("DEMO.webpubsub.azure.com");
	}

	@Test
	void declaredContentLengthOverTheLimitAnswers413BeforeTheBodyIsRead() {
		WebPubSubEventPipeline pipeline = new WebPubSubEventPipeline(new WebPubSubEventHandlerMappings(),
				connections(), List.of(), 10, JSON);
		HttpHeaders headers = WebPubSubEvents.userEvent("hub", "message").text("x").headers();
		headers.setContentLength(11);
		EventResult result = (EventResult) pipeline.prepareContext("POST", headers);
		assertThat(result.status()).isEqualTo(413);
		assertThat(result.bodyAsString()).isEqualTo("Request body is larger than the limit of 10 bytes");
	}

	@Test
	void otherMethodsAnswer405WithAllow() {
		EventResult result = (EventResult) pipeline(connections(), List.of()).prepare("PUT", new HttpHeaders());
		assertThat(result.status()).isEqualTo(405);
		assertThat(result.headers().getFirst(HttpHeaders.ALLOW)).isEqualTo("POST, OPTIONS");
	}

	@Test
	void userEventWithoutContentTypeIsBinary() {
		WebPubSubEventPipeline pipeline = pipeline(connections(), List.of());
		HttpHeaders headers = WebPubSubEvents.userEvent("hub", "message").text("x").headers();
		headers.remove(HttpHeaders.CONTENT_TYPE);
		WebPubSubContext context = pipeline.createContext("POST", pipeline.prepareContext("POST", headers),
				new byte[] { 1 });
		assertThat(((dev.webpubsub.spring.event.UserEventRequest) context.getRequest()).getDataType())
			.isEqualTo(dev.webpubsub.spring.event.WebPubSubDataType.BINARY);
	}

	@Test
	void originOfSeparatorsOnlyIsMissing() {
		HttpHeaders headers = WebPubSubEvents.connected("hub").origin(" , ").headers();
		EventResult result = (EventResult) pipeline(connections(), List.of()).prepareContext("POST", headers);
		assertThat(result.status()).isEqualTo(400);
		assertThat(result.bodyAsString()).isEqualTo("Missing required header WebHook-Request-Origin");
	}

	@Test
	void rejectsNonPositiveLimit() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebPubSubEventPipeline(new WebPubSubEventHandlerMappings(), connections(),
					List.of(), 0, JSON))
			.withMessage("'maxBodySize' must be positive");
	}

	private static EventPreparation prepare(WebPubSubEventPipeline pipeline, WebPubSubEventBuilder event) {
		return pipeline.prepare(event.method().name(), event.headers());
	}

	private static WebPubSubEventPipeline pipeline(WebPubSubConnections connections, List<String> allowedOrigins) {
		return new WebPubSubEventPipeline(new WebPubSubEventHandlerMappings(), connections, allowedOrigins, 1024,
				JSON);
	}

	private static WebPubSubConnections connections(WebPubSubConnection... connections) {
		return new WebPubSubConnections() {

			@Override
			public Optional<WebPubSubConnection> find(String name) {
				return List.of(connections).stream().filter((connection) -> connection.name().equals(name)).findFirst();
			}

			@Override
			public Collection<WebPubSubConnection> all() {
				return List.of(connections);
			}

		};
	}

}
