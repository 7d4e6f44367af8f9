package dev.webpubsub.spring.template;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.template.CaptureServer.RecordedRequest;
import dev.webpubsub.spring.template.CaptureServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Retries, timeouts and errors of the template against a local server that answers from a script.
 */
class WebPubSubTemplateRetryTests {

	private static final String KEY = "retry-test-key";

	private CaptureServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = new CaptureServer();
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
	}

	private ReactiveWebPubSubTemplate.Builder builder() {
		return ReactiveWebPubSubTemplate
			.builder(WebPubSubConnection.withAccessKey("WebPubSubConnectionString", URI.create(this.server.endpoint()),
					KEY))
			.hub("chat")
			.maxAttempts(3)
			.initialBackoff(Duration.ofMillis(1))
			.maxBackoff(Duration.ofMillis(10))
			.timeout(Duration.ofSeconds(10));
	}

	private WebPubSubTemplate template() {
		return new WebPubSubTemplate(builder().build());
	}

	@Test
	void retriesServiceUnavailableUntilTheServiceAccepts() throws Exception {
		this.server.then(Reply.status(503)).then(Reply.status(202));
		template().sendToAll(WebPubSubMessage.text("hi"));
		List<RecordedRequest> requests = this.server.requests();
		assertThat(requests).hasSize(2).allSatisfy((request) -> {
			assertThat(request.path()).isEqualTo("/api/hubs/chat/:send");
			assertThat(request.bodyText()).isEqualTo("hi");
		});
		for (RecordedRequest request : requests) {
			assertThat(BearerTokens.verifiedClaims(request, KEY).get("aud").asString())
				.isEqualTo(BearerTokens.requestUrl(this.server, request));
		}
	}

	@Test
	void retriesEveryTransientStatus() {
		for (int status : List.of(408, 429, 500, 502, 503, 504)) {
			this.server.clear();
			this.server.then(Reply.status(status));
			template().addUserToGroup("group", "user");
			assertThat(this.server.requests()).as("requests after %d", status).hasSize(2);
		}
	}

	@Test
	void waitsForRetryAfterSecondsOfTooManyRequests() {
		this.server.then(Reply.withHeaders(429, Map.of("Retry-After", "1")));
		template().sendToUser("user", WebPubSubMessage.text("hi"));
		List<RecordedRequest> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void waitsForRetryAfterMillisecondsOfTooManyRequests() {
		this.server.then(Reply.withHeaders(429, Map.of("retry-after-ms", "300", "Retry-After", "10")));
		template().sendToUser("user", WebPubSubMessage.text("hi"));
		List<RecordedRequest> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(300))
			.isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void retriesAResetConnection() {
		this.server.then(Reply.resetConnection());
		template().closeConnection("conn", "bye");
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void reportsPersistentServerErrorWithStatusCodeAndMessageAfterTheConfiguredAttempts() {
		Reply error = Reply.json(500, "{\"code\":\"InternalServerError\",\"message\":\"Something broke.\"}",
				Map.of("x-ms-error-code", "InternalError"));
		this.server.then(error).then(error).then(error).then(error);
		assertThatExceptionOfType(WebPubSubServiceException.class)
			.isThrownBy(() -> template().sendToGroup("group", WebPubSubMessage.text("hi")))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(500);
				assertThat(ex.getErrorCode()).isEqualTo("InternalError");
				assertThat(ex.getServiceMessage()).isEqualTo("Something broke.");
				assertThat(ex.getOperation()).isEqualTo("sendToGroup");
				assertThat(ex.getMessage()).contains("sendToGroup", "500", "InternalError", "Something broke.");
			});
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void reportsClientErrorsWithoutRetryingThem() {
		this.server.then(Reply.json(400, "{\"code\":\"InvalidRequest\",\"message\":\"Bad filter.\"}", Map.of()));
		assertThatExceptionOfType(WebPubSubServiceException.class)
			.isThrownBy(() -> template().sendToAll(WebPubSubMessage.text("hi"), SendOptions.none().withFilter("x")))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("InvalidRequest");
				assertThat(ex.getServiceMessage()).isEqualTo("Bad filter.");
			});
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void reportsANonJsonErrorBodyAsTheMessage() {
		this.server.then(new Reply(403, Map.of("x-ms-error-code", "Forbidden"), "denied".getBytes(), false, false));
		assertThatExceptionOfType(WebPubSubServiceException.class)
			.isThrownBy(() -> template().removeUserFromAllGroups("user"))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("Forbidden");
				assertThat(ex.getServiceMessage()).isEqualTo("denied");
			});
	}

	@Test
	void reportsATimeoutAfterTheConfiguredAttempts() {
		this.server.then(Reply.noAnswer()).then(Reply.noAnswer());
		ReactiveWebPubSubTemplate template = builder().maxAttempts(2).timeout(Duration.ofMillis(200)).build();
		StepVerifier.create(template.sendToAll(WebPubSubMessage.text("hi")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(WebPubSubTimeoutException.class)
				.hasMessageContaining("sendToAll")
				.hasMessageContaining("2 attempts"))
			.verify(Duration.ofSeconds(10));
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void reportsAnUnreachableServiceAfterTheConfiguredAttempts() throws Exception {
		String endpoint = this.server.endpoint();
		this.server.close();
		ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate
			.builder(WebPubSubConnection.withAccessKey("WebPubSubConnectionString", URI.create(endpoint), KEY))
			.hub("chat")
			.maxAttempts(2)
			.initialBackoff(Duration.ofMillis(1))
			.build();
		StepVerifier.create(template.connectionExists("conn"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(WebPubSubException.class)
				.hasMessageContaining("connectionExists")
				.hasMessageContaining("2 attempts"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void answersFalseWhenAConnectionDoesNotExist() {
		this.server.then(Reply.withHeaders(404, Map.of("x-ms-error-code", "NotFound")));
		assertThat(template().connectionExists("conn")).isFalse();
		assertThat(this.server.requests()).hasSize(1);
		assertThat(template().connectionExists("conn")).isTrue();
	}

	@Test
	void treatsNotFoundAsAnErrorWhereItIsNoAnswer() {
		this.server.then(Reply.status(404));
		assertThatExceptionOfType(WebPubSubServiceException.class)
			.isThrownBy(() -> template().addConnectionToGroup("group", "conn"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	@Test
	void checksHealthWithASingleAttempt() {
		this.server.then(Reply.status(503));
		assertThatExceptionOfType(WebPubSubServiceException.class).isThrownBy(() -> template().checkHealth())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void readsRetryAfterInEveryForm() {
		assertThat(ServiceRequestExecutor.retryAfter(headers("Retry-After", "7"))).isEqualTo(Duration.ofSeconds(7));
		assertThat(ServiceRequestExecutor.retryAfter(headers("retry-after-ms", "250")))
			.isEqualTo(Duration.ofMillis(250));
		assertThat(ServiceRequestExecutor.retryAfter(headers("x-ms-retry-after-ms", "40")))
			.isEqualTo(Duration.ofMillis(40));
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
		assertThat(ServiceRequestExecutor.retryAfter(headers("Retry-After", date)))
			.isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
		assertThat(ServiceRequestExecutor.retryAfter(headers("Retry-After", "soon"))).isNull();
		assertThat(ServiceRequestExecutor.retryAfter(new HttpHeaders())).isNull();
	}

	@Test
	void backsOffExponentiallyWithJitterUpToTheMaximum() {
		ServiceRequestExecutor executor = new ServiceRequestExecutor(WebClient::builder, JsonMapper.builder().build(),
				new RetrySettings(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(1)),
				ObservationRegistry.NOOP);
		assertThat(executor.backoff(1).toMillis()).isCloseTo(100, within(20L));
		assertThat(executor.backoff(2).toMillis()).isCloseTo(200, within(40L));
		assertThat(executor.backoff(3).toMillis()).isCloseTo(400, within(80L));
		assertThat(executor.backoff(8)).isLessThanOrEqualTo(Duration.ofMillis(1000));
		assertThat(executor.backoff(100)).isLessThanOrEqualTo(Duration.ofMillis(1000));
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(name, value);
		return headers;
	}

}
