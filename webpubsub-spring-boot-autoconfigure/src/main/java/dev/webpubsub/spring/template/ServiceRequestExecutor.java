package dev.webpubsub.spring.template;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@link ServiceRequest ServiceRequests} over the shared {@link WebClient}: authenticates each attempt,
 * bounds it by the timeout, retries transient failures with exponential back-off and jitter (honouring
 * {@code Retry-After}), turns error answers into {@link WebPubSubServiceException}, and observes operations.
 *
 * @author Web PubSub for Spring Boot team
 */
final class ServiceRequestExecutor {

	static final String OBSERVATION_NAME = "webpubsub.client.operation";

	private static final Log logger = LogFactory.getLog(ServiceRequestExecutor.class);

	private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

	private static final int MAX_MESSAGE_LENGTH = 512;

	private static final byte[] NO_BODY = new byte[0];

	private final Supplier<WebClient> webClient;

	private final JsonMapper jsonMapper;

	private final RetrySettings retrySettings;

	private final ObservationRegistry observationRegistry;

	private final AttemptDeadlines deadlines;

	private final Mono<ServiceResponse> timedOut;

	ServiceRequestExecutor(Supplier<WebClient.Builder> webClientBuilder, JsonMapper jsonMapper,
			RetrySettings retrySettings, ObservationRegistry observationRegistry) {
		// Built on the first request: creating Boot's connector costs a noticeable part of start-up.
		this.webClient = SingletonSupplier.of(() -> webClientBuilder.get().clone().build());
		this.jsonMapper = jsonMapper;
		this.retrySettings = retrySettings;
		this.observationRegistry = observationRegistry;
		this.deadlines = new AttemptDeadlines(retrySettings.timeout());
		this.timedOut = Mono.error(() -> new TimeoutException(
				"Did not observe any answer within " + retrySettings.timeout().toMillis() + "ms"));
	}

	JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	Mono<ServiceResponse> execute(ServiceRequest request, RequestAuthenticator authenticator) {
		return attempt(request, authenticator, 1, request.retried() ? this.retrySettings.maxAttempts() : 1);
	}

	// Each retry subscribes a new attempt from the error handler of the previous one: unlike retryWhen, this costs
	// the attempt that succeeds nothing more than one operator.
	private Mono<ServiceResponse> attempt(ServiceRequest request, RequestAuthenticator authenticator, int attempts,
			int maxAttempts) {
		return exchange(request, authenticator).timeout(this.deadlines.deadline(), this.timedOut)
			.onErrorResume((failure) -> {
				Duration delay = retryDelay(failure, attempts);
				if (delay == null || attempts >= maxAttempts) {
					return Mono.error(finalFailure(request, failure, attempts));
				}
				if (logger.isDebugEnabled()) {
					logger.debug("Retrying Web PubSub operation '" + request.operation() + "' in " + delay.toMillis()
							+ " ms after attempt " + attempts + " of " + maxAttempts + " failed: " + describe(failure));
				}
				return Mono.delay(delay).then(attempt(request, authenticator, attempts + 1, maxAttempts));
			});
	}

	// The token is asked for on every subscription, so a retried request never carries a stale one; an access-key
	// token comes from a Callable, which flatMap reads in place.
	private Mono<ServiceResponse> exchange(ServiceRequest request, RequestAuthenticator authenticator) {
		return authenticator.bearerToken(request.url()).flatMap((token) -> exchange(request, token));
	}

	private Mono<ServiceResponse> exchange(ServiceRequest request, String token) {
		WebClient.RequestBodySpec spec = this.webClient.get()
			.method(request.method())
			.uri(request.url())
			.accept(MediaType.APPLICATION_JSON);
		if (request.body() != null) {
			MediaType contentType = request.contentType();
			if (contentType != null) {
				spec.contentType(contentType);
			}
			spec.bodyValue(request.body());
		}
		// Set on the outgoing request itself, after every filter of the application's WebClient.Builder has run,
		// so that no filter (a logging one, say) ever sees the token, and without copying the request.
		spec.httpRequest((httpRequest) -> httpRequest.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + token));
		return spec.exchangeToMono((response) -> {
			// The answer to a send is an empty 202: nothing to decode.
			if (response.headers().contentLength().orElse(-1) == 0) {
				return answer(request, response, NO_BODY);
			}
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(NO_BODY)
				.flatMap((body) -> answer(request, response, body));
		});
	}

	private Mono<ServiceResponse> answer(ServiceRequest request, ClientResponse response, byte[] body) {
		int status = response.statusCode().value();
		if (response.statusCode().is2xxSuccessful() || (status == 404 && request.notFoundIsAnswer())) {
			return Mono.just(new ServiceResponse(status, body));
		}
		WebPubSubServiceException exception = serviceException(request.operation(), status, response.headers(),
				body);
		if (TRANSIENT_STATUSES.contains(status)) {
			return Mono.error(new TransientAnswer(exception, retryAfter(response.headers().asHttpHeaders())));
		}
		return Mono.error(exception);
	}

	private WebPubSubServiceException serviceException(String operation, int status, ClientResponse.Headers headers,
			byte[] body) {
		String errorCode = headers.asHttpHeaders().getFirst("x-ms-error-code");
		String message = null;
		if (body.length > 0) {
			JsonNode error = readJson(body);
			if (error != null && error.isObject()) {
				JsonNode code = error.get("code");
				JsonNode text = error.get("message");
				errorCode = (errorCode == null && code != null && code.isString()) ? code.asString() : errorCode;
				message = (text != null && text.isString()) ? text.asString() : null;
			}
			if (message == null) {
				String text = new String(body, StandardCharsets.UTF_8).strip();
				message = (text.length() > MAX_MESSAGE_LENGTH) ? text.substring(0, MAX_MESSAGE_LENGTH) + "..." : text;
			}
		}
		return new WebPubSubServiceException(operation, status, errorCode, message);
	}

	@Nullable JsonNode readJson(byte[] body) {
		try {
			return this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	static @Nullable Duration retryAfter(HttpHeaders headers) {
		for (String name : List.of("retry-after-ms", "x-ms-retry-after-ms")) {
			String value = headers.getFirst(name);
			if (value != null) {
				try {
					return Duration.ofMillis(Math.max(0, Long.parseLong(value.trim())));
				}
				catch (NumberFormatException ex) {
					// fall through to the next header
				}
			}
		}
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration delay = Duration.between(Instant.now(), at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException dateEx) {
				return null;
			}
		}
	}

	private @Nullable Duration retryDelay(Throwable failure, int attempts) {
		if (failure instanceof TransientAnswer transientAnswer && transientAnswer.retryAfter != null) {
			return transientAnswer.retryAfter;
		}
		if (failure instanceof TransientAnswer || failure instanceof WebClientRequestException
				|| failure instanceof TimeoutException) {
			return backoff(attempts);
		}
		return null;
	}

	Duration backoff(int attempts) {
		long initial = this.retrySettings.initialBackoff().toNanos();
		long max = this.retrySettings.maxBackoff().toNanos();
		long exponential = (attempts > 62) ? max : Math.min(max, initial * (1L << Math.min(attempts - 1, 30)));
		double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
		return Duration.ofNanos(Math.min(max, (long) (exponential * jitter)));
	}

	private WebPubSubException finalFailure(ServiceRequest request, Throwable failure, int attempts) {
		if (failure instanceof TransientAnswer transientAnswer) {
			return transientAnswer.exception;
		}
		if (failure instanceof WebPubSubException exception) {
			return exception;
		}
		String operation = request.operation();
		String after = " after " + attempts + ((attempts == 1) ? " attempt" : " attempts");
		if (failure instanceof TimeoutException) {
			return new WebPubSubTimeoutException(operation, "Web PubSub operation '" + operation
					+ "' got no answer within " + this.retrySettings.timeout().toMillis() + " ms" + after, failure);
		}
		return new WebPubSubException(operation,
				"Web PubSub operation '" + operation + "' failed" + after + ": " + describe(failure), failure);
	}

	private static String describe(Throwable failure) {
		if (failure instanceof TransientAnswer transientAnswer) {
			return transientAnswer.exception.getMessage();
		}
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
	}

	<T> Mono<T> observe(String operation, @Nullable String hub, Mono<T> mono) {
		if (this.observationRegistry.isNoop()) {
			return mono;
		}
		return Mono.defer(() -> {
			Observation observation = start(operation, hub);
			return mono.doOnSuccess((value) -> stop(observation, "SUCCESS", null))
				.doOnError((failure) -> stop(observation, "FAILURE", failure))
				.doOnCancel(() -> stop(observation, "CANCELLED", null))
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	<T> Flux<T> observe(String operation, @Nullable String hub, Flux<T> flux) {
		if (this.observationRegistry.isNoop()) {
			return flux;
		}
		return Flux.defer(() -> {
			Observation observation = start(operation, hub);
			return flux.doOnComplete(() -> stop(observation, "SUCCESS", null))
				.doOnError((failure) -> stop(observation, "FAILURE", failure))
				.doOnCancel(() -> stop(observation, "CANCELLED", null))
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private Observation start(String operation, @Nullable String hub) {
		return Observation.createNotStarted(OBSERVATION_NAME, this.observationRegistry)
			.contextualName("webpubsub " + operation)
			.lowCardinalityKeyValue("operation", operation)
			.lowCardinalityKeyValue("hub", (hub != null) ? hub : "none")
			.start();
	}

	private static void stop(Observation observation, String outcome, @Nullable Throwable failure) {
		observation.lowCardinalityKeyValue("outcome", outcome);
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

	/**
	 * An error answer with a transient status, which may be retried.
	 */
	static final class TransientAnswer extends RuntimeException {

		private final WebPubSubServiceException exception;

		private final @Nullable Duration retryAfter;

		TransientAnswer(WebPubSubServiceException exception, @Nullable Duration retryAfter) {
			super(exception.getMessage(), null, false, false);
			this.exception = exception;
			this.retryAfter = retryAfter;
		}

	}

}
