package dev.webpubsub.spring.token;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.connection.EntraTokenProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stands in for the service's {@code :generateToken} operation behind an identity-based default connection: a
 * {@link WebClient.Builder} whose requests all get {@code {"token":...}} and are kept for assertions.
 */
public final class GenerateTokenService {

	/**
	 * Endpoint of the identity-based connection that {@link #applyTo} configures.
	 */
	public static final String ENDPOINT = "https://abc.webpubsub.azure.com";

	/**
	 * Entra ID token of that connection.
	 */
	public static final String ENTRA_TOKEN = "entra";

	private final String token;

	private final AtomicReference<MockClientHttpRequest> lastRequest = new AtomicReference<>();

	/**
	 * Creates a service that issues the given token.
	 * @param token the token of every answer
	 */
	public GenerateTokenService(String token) {
		this.token = token;
	}

	/**
	 * Returns a builder of clients whose requests this service answers.
	 * @return the builder
	 */
	public WebClient.Builder webClientBuilder() {
		return WebClient.builder().exchangeFunction((request) -> {
			// Written as a connector would write it, so that what is set on the outgoing request itself counts.
			MockClientHttpRequest written = new MockClientHttpRequest(request.method(), request.url());
			this.lastRequest.set(written);
			return request.writeTo(written, ExchangeStrategies.withDefaults())
				.then(Mono.just(ClientResponse.create(HttpStatus.OK)
					.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
					.body("{\"token\":\"" + this.token + "\"}")
					.build()));
		});
	}

	/**
	 * Configures an identity-based default connection to {@link #ENDPOINT} whose {@code WebClient.Builder} bean
	 * talks to this service.
	 * @param <R> the type of runner
	 * @param runner the runner
	 * @return the configured runner
	 */
	public <R extends AbstractApplicationContextRunner<R, ?, ?>> R applyTo(R runner) {
		return runner.withPropertyValues("WebPubSubConnectionString.serviceUri=" + ENDPOINT)
			.withBean(EntraTokenProvider.class, () -> () -> Mono.just(ENTRA_TOKEN))
			.withBean(WebClient.Builder.class, this::webClientBuilder);
	}

	/**
	 * Asserts that the last request was a {@code POST} to the given path and query of {@link #ENDPOINT},
	 * authenticated with the connection's Entra ID token.
	 * @param pathAndQuery the path and query, such as {@code /api/hubs/chat/:generateToken?api-version=...}
	 */
	public void assertLastRequest(String pathAndQuery) {
		MockClientHttpRequest request = lastRequest();
		assertThat(request.getMethod()).isEqualTo(HttpMethod.POST);
		assertThat(request.getURI()).isEqualTo(URI.create(ENDPOINT + pathAndQuery));
		assertThat(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + ENTRA_TOKEN);
	}

	/**
	 * Returns the last request as written, which must exist.
	 * @return the request
	 */
	public MockClientHttpRequest lastRequest() {
		MockClientHttpRequest request = this.lastRequest.get();
		assertThat(request).as("request to the service").isNotNull();
		return request;
	}

}
