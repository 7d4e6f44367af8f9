package dev.webpubsub.benchmarks.jmh;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.messaging.webpubsub.WebPubSubServiceAsyncClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import dev.webpubsub.benchmarks.BenchmarkKeys;
import dev.webpubsub.benchmarks.StarterContext;
import dev.webpubsub.spring.template.ReactiveWebPubSubTemplate;
import dev.webpubsub.spring.template.WebPubSubMessage;
import dev.webpubsub.spring.token.Hs256JwtSigner;
import dev.webpubsub.spring.token.JsonClaims;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One {@code sendToAll} of a short text, in memory: building the request (URL, query, body) and its
 * {@code Authorization} header, through each client's whole pipeline down to an HTTP client that answers
 * {@code 202} without a network. The auto-configured template (tokens cached per URL), the official SDK's async
 * client, and a raw {@code WebClient} call that signs a fresh token.
 *
 * @author Web PubSub for Spring Boot team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RestRequestBenchmarks {

	private static final String MESSAGE = "hello from the template benchmark";

	private static final String ENDPOINT = "https://" + BenchmarkKeys.SERVICE_HOST;

	private ConfigurableApplicationContext context;

	private ReactiveWebPubSubTemplate template;

	private WebPubSubMessage message;

	private WebPubSubServiceAsyncClient sdk;

	private WebClient webClient;

	private Hs256JwtSigner signer;

	private URI sendUri;

	/**
	 * Builds the three clients over in-memory HTTP.
	 */
	@Setup
	public void setUp() {
		this.context = StarterContext.start(BenchmarkKeys.CONNECTION_STRING, InMemoryWebClient.class);
		this.template = this.context.getBean(ReactiveWebPubSubTemplate.class);
		this.message = WebPubSubMessage.text(MESSAGE);
		this.sdk = new WebPubSubServiceClientBuilder().connectionString(BenchmarkKeys.CONNECTION_STRING)
			.hub(BenchmarkKeys.HUB)
			.httpClient(new AcceptingHttpClient())
			.buildAsyncClient();
		this.webClient = WebClient.builder().clientConnector(acceptingConnector()).build();
		this.signer = new Hs256JwtSigner(BenchmarkKeys.ACCESS_KEY);
		this.sendUri = URI.create(ENDPOINT + "/api/hubs/" + BenchmarkKeys.HUB + "/:send?api-version=2024-12-01");
	}

	/**
	 * Closes the context.
	 */
	@TearDown
	public void tearDown() {
		this.context.close();
	}

	/**
	 * The auto-configured template.
	 * @return nothing, once sent
	 */
	@Benchmark
	public Object starter() {
		return this.template.sendToAll(this.message).block();
	}

	/**
	 * The SDK's async client.
	 * @return nothing, once sent
	 */
	@Benchmark
	public Object sdk() {
		return this.sdk.sendToAll(MESSAGE, WebPubSubContentType.TEXT_PLAIN).block();
	}

	/**
	 * A raw WebClient call with a freshly signed token.
	 * @return the response entity
	 */
	@Benchmark
	public Object rawWebClient() {
		long now = System.currentTimeMillis() / 1000;
		String token = this.signer.sign(
				new JsonClaims().add("aud", this.sendUri.toString()).add("iat", now).add("exp", now + 3600).toJson());
		return this.webClient.post()
			.uri(this.sendUri)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(MESSAGE)
			.retrieve()
			.toBodilessEntity()
			.block();
	}

	/**
	 * A connector that lets WebClient write the whole request (headers and body) in memory and answers 202 with
	 * {@code Content-Length: 0}, as the service and {@code LoopbackStub} do.
	 * @return the connector
	 */
	static ClientHttpConnector acceptingConnector() {
		return (method, uri, requestCallback) -> {
			MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
			return requestCallback.apply(request).then(Mono.fromSupplier(() -> {
				MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.ACCEPTED);
				response.getHeaders().setContentLength(0);
				return response;
			}));
		};
	}

	/**
	 * Puts the in-memory connector under Boot's {@code WebClient.Builder}, which the template is built from.
	 */
	@Configuration(proxyBeanMethods = false)
	static class InMemoryWebClient {

		@Bean
		WebClientCustomizer inMemoryConnector() {
			return (builder) -> builder.clientConnector(acceptingConnector());
		}

	}

	/**
	 * An azure-core HTTP client that reads the request body and answers 202.
	 */
	static final class AcceptingHttpClient implements HttpClient {

		@Override
		public Mono<HttpResponse> send(HttpRequest request) {
			Flux<ByteBuffer> body = (request.getBody() != null) ? request.getBody() : Flux.empty();
			return body.then(Mono.fromSupplier(() -> new AcceptedResponse(request)));
		}

	}

	static final class AcceptedResponse extends HttpResponse {

		AcceptedResponse(HttpRequest request) {
			super(request);
		}

		@Override
		public int getStatusCode() {
			return 202;
		}

		@Override
		@Deprecated
		public String getHeaderValue(String name) {
			return null;
		}

		@Override
		public String getHeaderValue(HttpHeaderName name) {
			return null;
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Flux<ByteBuffer> getBody() {
			return Flux.empty();
		}

		@Override
		public Mono<byte[]> getBodyAsByteArray() {
			return Mono.empty();
		}

		@Override
		public Mono<String> getBodyAsString() {
			return Mono.empty();
		}

		@Override
		public Mono<String> getBodyAsString(Charset charset) {
			return Mono.empty();
		}

	}

}
