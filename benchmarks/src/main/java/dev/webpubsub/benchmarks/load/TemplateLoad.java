package dev.webpubsub.benchmarks.load;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import com.azure.messaging.webpubsub.WebPubSubServiceAsyncClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import dev.webpubsub.benchmarks.BenchmarkKeys;
import dev.webpubsub.benchmarks.StarterContext;
import dev.webpubsub.spring.template.ReactiveWebPubSubTemplate;
import dev.webpubsub.spring.template.WebPubSubMessage;
import dev.webpubsub.spring.token.Hs256JwtSigner;
import dev.webpubsub.spring.token.JsonClaims;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Template send throughput: {@code sendToAll} of a short text with 64 requests in flight against
 * {@link LoopbackStub}, for one client per run: {@code starter} (the auto-configured
 * {@code ReactiveWebPubSubTemplate}), {@code sdk} (the official SDK's async client) or {@code raw} (a WebClient loop
 * that signs a fresh token for every request).
 * <p>
 * Usage: {@code TemplateLoad <variant> <stub-port> <warm-up-seconds> <seconds>}. Prints one line:
 * {@code bench.template variant=.. requests=.. failures=.. seconds=.. requests-per-s=..}.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class TemplateLoad {

	private static final int IN_FLIGHT = 64;

	private static final String MESSAGE = "hello from the template benchmark";

	private TemplateLoad() {
	}

	/**
	 * Runs the driver.
	 * @param args variant, stub port, warm-up seconds, measured seconds
	 */
	public static void main(String[] args) {
		String variant = args[0];
		int port = Integer.parseInt(args[1]);
		Supplier<Mono<?>> send = switch (variant) {
			case "starter" -> starter(port);
			case "sdk" -> sdk(port);
			case "raw" -> raw(port);
			default -> throw new IllegalArgumentException("Unknown variant '" + variant + "': use starter, sdk or raw");
		};
		run(send, Duration.ofSeconds(Long.parseLong(args[2])));
		Result result = run(send, Duration.ofSeconds(Long.parseLong(args[3])));
		System.out.printf("bench.template variant=%s requests=%d failures=%d seconds=%.2f requests-per-s=%.0f%n",
				variant, result.requests(), result.failures(), result.seconds(), result.requests() / result.seconds());
		System.exit(0);
	}

	/**
	 * Sends for the given time, then lets the requests in flight finish (cancelling them would close their
	 * connections and disturb the next run).
	 * @return the number of successful requests and the seconds they took
	 */
	private static Result run(Supplier<Mono<?>> send, Duration duration) {
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		LongAdder failures = new LongAdder();
		Long count = Flux.<Integer>generate((sink) -> {
			if (System.nanoTime() < end) {
				sink.next(1);
			}
			else {
				sink.complete();
			}
		}).flatMap((i) -> send.get().thenReturn(1).onErrorResume((ex) -> {
			if (failures.sum() == 0) {
				ex.printStackTrace();
			}
			failures.increment();
			return Mono.empty();
		}), IN_FLIGHT).count().block();
		return new Result((count != null) ? count : 0, failures.sum(), (System.nanoTime() - start) / 1e9);
	}

	private record Result(long requests, long failures, double seconds) {

	}

	private static Supplier<Mono<?>> starter(int port) {
		ReactiveWebPubSubTemplate template = StarterContext.start(BenchmarkKeys.loopbackConnectionString(port))
			.getBean(ReactiveWebPubSubTemplate.class);
		WebPubSubMessage message = WebPubSubMessage.text(MESSAGE);
		return () -> template.sendToAll(message);
	}

	private static Supplier<Mono<?>> sdk(int port) {
		WebPubSubServiceAsyncClient client = new WebPubSubServiceClientBuilder()
			.connectionString(BenchmarkKeys.loopbackConnectionString(port))
			.hub(BenchmarkKeys.HUB)
			.buildAsyncClient();
		return () -> client.sendToAll(MESSAGE, WebPubSubContentType.TEXT_PLAIN);
	}

	private static Supplier<Mono<?>> raw(int port) {
		WebClient webClient = WebClient.create();
		Hs256JwtSigner signer = new Hs256JwtSigner(BenchmarkKeys.ACCESS_KEY);
		String url = "http://127.0.0.1:" + port + "/api/hubs/" + BenchmarkKeys.HUB + "/:send?api-version=2024-12-01";
		URI uri = URI.create(url);
		return () -> {
			long now = System.currentTimeMillis() / 1000;
			String token = signer
				.sign(new JsonClaims().add("aud", url).add("iat", now).add("exp", now + 3600).toJson());
			return webClient.post()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.TEXT_PLAIN)
				.bodyValue(MESSAGE)
				.retrieve()
				.toBodilessEntity();
		};
	}

}
