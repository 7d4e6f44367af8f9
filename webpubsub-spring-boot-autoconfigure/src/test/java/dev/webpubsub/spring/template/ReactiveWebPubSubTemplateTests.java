package dev.webpubsub.spring.template;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.template.CaptureServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour of the reactive template beyond single requests: JSON mapping, token reuse, Entra ID, named
 * connections and observations.
 */
class ReactiveWebPubSubTemplateTests {

	private CaptureServer server;

	private WebPubSubConnection connection;

	@BeforeEach
	void start() throws Exception {
		this.server = new CaptureServer();
		this.connection = WebPubSubConnection.withAccessKey("WebPubSubConnectionString",
				URI.create(this.server.endpoint()), "key");
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
	}

	@Test
	void serialisesJsonMessagesWithTheGivenMapper() {
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate.builder(this.connection)
			.hub("chat")
			.jsonMapper(snakeCase)
			.build();
		StepVerifier.create(template.sendToAll(WebPubSubMessage.json(new Greeting("hello", "alice")))).verifyComplete();
		assertThat(this.server.lastRequest().bodyText())
			.isEqualTo("{\"greeting_text\":\"hello\",\"from_user\":\"alice\"}");
		assertThat(this.server.lastRequest().header("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void sendsTextAsUtf8() {
		ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate.builder(this.connection).hub("chat").build();
		StepVerifier.create(template.sendToAll(WebPubSubMessage.text("grüße"))).verifyComplete();
		assertThat(this.server.lastRequest().bodyText()).isEqualTo("grüße");
		assertThat(this.server.lastRequest().header("Content-Type")).isEqualTo("text/plain");
	}

	@Test
	void authenticatesAfterTheFiltersOfTheApplicationsWebClientSoNoFilterSeesTheToken() {
		List<String> seenByFilter = new ArrayList<>();
		WebClient.Builder builder = WebClient.builder().filter((request, next) -> {
			seenByFilter.add(String.valueOf(request.headers().getFirst(HttpHeaders.AUTHORIZATION)));
			return next.exchange(request);
		});
		ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate.builder(this.connection)
			.hub("chat")
			.webClientBuilder(builder)
			.build();
		StepVerifier.create(template.sendToAll(WebPubSubMessage.text("a"))).verifyComplete();
		assertThat(seenByFilter).containsExactly("null");
		assertThat(this.server.lastRequest().header("Authorization")).startsWith("Bearer ey");
	}

	@Test
	void reusesTheTokenOfTheSameRequestUrl() {
		ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate.builder(this.connection).hub("chat").build();
		StepVerifier.create(template.sendToAll(WebPubSubMessage.text("a"))
			.then(template.hub("chat").sendToAll(WebPubSubMessage.text("b")))
			.then(template.sendToGroup("g", WebPubSubMessage.text("c")))).verifyComplete();
		List<CaptureServer.RecordedRequest> requests = this.server.requests();
		assertThat(requests.get(1).header("Authorization")).isEqualTo(requests.get(0).header("Authorization"));
		assertThat(requests.get(2).header("Authorization")).isNotEqualTo(requests.get(0).header("Authorization"));
	}

	@Test
	void authenticatesIdentityBasedConnectionsWithEntraIdTokens() {
		List<String> tokens = new ArrayList<>(List.of("entra-1", "entra-2"));
		WebPubSubConnection entra = WebPubSubConnection.withEntraId("WebPubSubConnectionString",
				URI.create(this.server.endpoint()), () -> Mono.fromSupplier(() -> tokens.remove(0)));
		ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate.builder(entra).hub("chat").build();
		StepVerifier.create(template.connectionExists("c1").then(template.connectionExists("c2"))).expectNext(true)
			.verifyComplete();
		assertThat(this.server.requests()).extracting((request) -> request.header("Authorization"))
			.containsExactly("Bearer entra-1", "Bearer entra-2");
	}

	@Test
	void reachesNamedConnectionsOnTheSameHub() throws Exception {
		try (CaptureServer other = new CaptureServer()) {
			WebPubSubConnection otherConnection = WebPubSubConnection.withAccessKey("OtherConnection",
					URI.create(other.endpoint()), "other-key");
			ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate.builder(this.connection)
				.hub("chat")
				.connections(new SingleConnection(otherConnection))
				.build();
			ReactiveWebPubSubTemplate scoped = template.connection("OtherConnection");
			assertThat(scoped.getConnection()).isEqualTo(otherConnection);
			assertThat(scoped.getHub()).isEqualTo("chat");
			StepVerifier.create(scoped.sendToAll(WebPubSubMessage.text("hi"))).verifyComplete();
			assertThat(this.server.requests()).isEmpty();
			assertThat(other.lastRequest().path()).isEqualTo("/api/hubs/chat/:send");
			BearerTokens.verifiedClaims(other.lastRequest(), "other-key");
		}
	}

	@Test
	void observesEveryOperationWithLowCardinalityTags() {
		List<Observation.Context> stopped = new ArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		this.server.then(Reply.status(202)).then(Reply.json(400, "{\"code\":\"Bad\"}", Map.of()));
		ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate.builder(this.connection)
			.hub("chat")
			.observationRegistry(registry)
			.build();
		StepVerifier.create(template.sendToAll(WebPubSubMessage.text("a"))).verifyComplete();
		StepVerifier.create(template.addUserToGroup("g", "u")).verifyError(WebPubSubServiceException.class);
		List<Observation.Context> operations = stopped.stream()
			.filter((context) -> context.getName().equals("webpubsub.client.operation"))
			.toList();
		assertThat(operations).hasSize(2);
		assertThat(operations.get(0).getLowCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("operation", "sendToAll"), KeyValue.of("hub", "chat"), KeyValue.of("outcome", "SUCCESS"));
		assertThat(operations.get(1).getLowCardinalityKeyValues()).contains(KeyValue.of("operation", "addUserToGroup"),
				KeyValue.of("outcome", "FAILURE"));
		assertThat(operations.get(1).getError()).isInstanceOf(WebPubSubServiceException.class);
	}

	record Greeting(String greetingText, String fromUser) {

	}

	private record SingleConnection(WebPubSubConnection connection) implements WebPubSubConnections {

		@Override
		public Optional<WebPubSubConnection> find(String name) {
			return Optional.of(this.connection).filter((candidate) -> candidate.name().equals(name));
		}

		@Override
		public Collection<WebPubSubConnection> all() {
			return List.of(this.connection);
		}

	}

}
