package dev.webpubsub.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Delivers events to the upstream event handlers of each hub as CloudEvents in binary mode, the way the service
 * does: abuse-protection handshake before the first use of a handler, signed requests, connection state and
 * cookies carried along, and retries on 408, 5xx and network errors.
 */
final class Upstream {

	private static final Log logger = LogFactory.getLog(Upstream.class);

	/** Delays before the second, third and fourth attempt, as the service waits. */
	static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(3),
			Duration.ofSeconds(5));

	private static final Duration VALIDATION_TTL = Duration.ofMinutes(1);

	private static final Duration TIMEOUT = Duration.ofSeconds(100);

	private static final byte[] EMPTY = new byte[0];

	/** Largest event handler response the emulator reads, as the service's limit. */
	private static final int MAX_RESPONSE_SIZE = 16 * 1024 * 1024;

	private final Map<String, List<EventHandlerSettings>> hubHandlers = new ConcurrentHashMap<>();

	private volatile List<EventHandlerSettings> defaultHandlers = List.of();

	private final Map<String, Instant> validatedUntil = new ConcurrentHashMap<>();

	// Created with the first event: an emulator whose hubs have no handlers never needs a client, and an embedding
	// application starts faster without loading Reactor Netty's client.
	private @Nullable ConnectionProvider connectionProvider;

	private @Nullable HttpClient httpClient;

	private final AccessTokens tokens;

	private final Supplier<String> origin;

	private final List<Duration> retryDelays;

	Upstream(AccessTokens tokens, Supplier<String> origin, List<Duration> retryDelays) {
		this.tokens = tokens;
		this.origin = origin;
		this.retryDelays = retryDelays;
	}

	void setHandlers(String hub, List<EventHandlerSettings> handlers) {
		this.hubHandlers.put(hub.toLowerCase(Locale.ROOT), List.copyOf(handlers));
	}

	void setDefaultHandlers(List<EventHandlerSettings> handlers) {
		this.defaultHandlers = List.copyOf(handlers);
	}

	List<EventHandlerSettings> handlers(String hub) {
		List<EventHandlerSettings> handlers = this.hubHandlers.get(hub.toLowerCase(Locale.ROOT));
		return (handlers != null && !handlers.isEmpty()) ? handlers : this.defaultHandlers;
	}

	/**
	 * Finds the first handler of a hub for an event.
	 * @param hub the hub
	 * @param eventName the event name
	 * @param system whether it is a system event
	 * @return the handler or {@code null}
	 */
	@Nullable EventHandlerSettings handler(String hub, String eventName, boolean system) {
		for (EventHandlerSettings handler : handlers(hub)) {
			if (handler.handles(eventName, system)) {
				return handler;
			}
		}
		return null;
	}

	/**
	 * Delivers an event, after the abuse-protection handshake, with retries.
	 * @param handler the handler
	 * @param connection the connection the event belongs to
	 * @param eventName the event name
	 * @param system whether it is a system event
	 * @param contentType the content type of the body
	 * @param body the body
	 * @return the handler's response; an error if the handler could not be reached or validated
	 */
	Mono<UpstreamResponse> send(EventHandlerSettings handler, ClientConnection connection, String eventName,
			boolean system, String contentType, byte[] body) {
		Delivery delivery = new Delivery(handler.url(connection.hub(), eventName), connection, eventName, system,
				contentType, body, connection.nextEventId(), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
		String url = delivery.url();
		return validate(handler, connection.hub())
			.then(Mono.defer(() -> attempt(delivery, 0)))
			.onErrorMap((ex) -> !(ex instanceof UpstreamException), (ex) -> new UpstreamException(ex.toString()))
			.doOnNext((response) -> rememberCookies(connection, response))
			.doOnError((ex) -> logger.warn("Event '" + eventName + "' of connection " + connection.id()
					+ " could not be delivered to " + redact(url) + ": " + ex.getMessage()));
	}

	synchronized void dispose() {
		if (this.connectionProvider != null) {
			this.connectionProvider.disposeLater().subscribe();
		}
	}

	private synchronized HttpClient httpClient() {
		HttpClient client = this.httpClient;
		if (client == null) {
			ConnectionProvider provider = ConnectionProvider.create("webpubsub-emulator-upstream", 256);
			client = HttpClient.create(provider).responseTimeout(TIMEOUT).followRedirect(false);
			this.connectionProvider = provider;
			this.httpClient = client;
		}
		return client;
	}

	private Mono<Void> validate(EventHandlerSettings handler, String hub) {
		String url = handler.url(hub, "validate");
		Instant until = this.validatedUntil.get(url);
		if (until != null && until.isAfter(Instant.now())) {
			return Mono.empty();
		}
		String origin = this.origin.get();
		return handshake(HttpMethod.OPTIONS, url, origin)
			.flatMap((status) -> (status == 404) ? handshake(HttpMethod.GET, url, origin) : Mono.just(status))
			.flatMap((status) -> {
				if (status >= 200 && status < 300) {
					this.validatedUntil.put(url, Instant.now().plus(VALIDATION_TTL));
					return Mono.empty();
				}
				return Mono.error(new UpstreamException(
						"abuse protection handshake failed with status " + Math.abs(status)));
			});
	}

	/**
	 * Sends the handshake request; a success without an allowed origin for us counts as a failure.
	 * @return the status, negated when the status was 2xx but the origin was not allowed
	 */
	private Mono<Integer> handshake(HttpMethod method, String url, String origin) {
		return httpClient()
			.headers((headers) -> headers.set("WebHook-Request-Origin", origin).set("ce-awpsversion", "1.0"))
			.request(method)
			.uri(url)
			.responseSingle((response, content) -> content.then(Mono.fromSupplier(() -> {
				int status = response.status().code();
				if (status / 100 == 2 && !allowsOrigin(response.responseHeaders(), origin)) {
					return -status;
				}
				return status;
			})))
			.timeout(TIMEOUT)
			.onErrorMap((ex) -> !(ex instanceof UpstreamException),
					(ex) -> new UpstreamException("abuse protection handshake failed: " + ex.getMessage()));
	}

	private static boolean allowsOrigin(HttpHeaders headers, String origin) {
		for (String value : headers.getAll("WebHook-Allowed-Origin")) {
			for (String allowed : value.split(",")) {
				String candidate = allowed.trim();
				if (candidate.equals("*") || candidate.equalsIgnoreCase(origin)) {
					return true;
				}
			}
		}
		return false;
	}

	private Mono<UpstreamResponse> attempt(Delivery delivery, int retry) {
		Mono<UpstreamResponse> request = httpClient().headers((headers) -> cloudEventHeaders(headers, delivery))
			.post()
			.uri(delivery.url())
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(delivery.body())))
			.response((response, content) -> BoundedBody.read(content, MAX_RESPONSE_SIZE)
				.defaultIfEmpty(EMPTY)
				.map((bytes) -> new UpstreamResponse(response.status().code(),
						response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE),
						response.responseHeaders().contains("ce-connectionState")
								? response.responseHeaders().get("ce-connectionState") : null,
						response.responseHeaders().getAll(HttpHeaderNames.SET_COOKIE), bytes)))
			.next()
			.timeout(TIMEOUT);
		if (retry >= this.retryDelays.size()) {
			return request;
		}
		// Network errors and retryable statuses become empty and switch to the next attempt.
		return request.onErrorResume((ex) -> !(ex instanceof BoundedBody.TooLargeException), (ex) -> Mono.empty())
			.filter((response) -> response.status() != 408 && response.status() < 500)
			.switchIfEmpty(Mono.delay(this.retryDelays.get(retry))
				.then(Mono.defer(() -> attempt(delivery, retry + 1))));
	}

	private void cloudEventHeaders(HttpHeaders headers, Delivery delivery) {
		ClientConnection connection = delivery.connection();
		String eventName = delivery.eventName();
		headers.set("ce-specversion", "1.0")
			.set("ce-awpsversion", "1.0")
			.set("ce-type", (delivery.system() ? "azure.webpubsub.sys." : "azure.webpubsub.user.") + eventName)
			.set("ce-source", "/hubs/" + connection.hub() + "/client/" + connection.id())
			.set("ce-id", Long.toString(delivery.eventId()))
			.set("ce-time", delivery.time())
			.set("ce-hub", connection.hub())
			.set("ce-connectionId", connection.id())
			.set("ce-eventName", eventName)
			.set("ce-signature", this.tokens.signature(connection.id()))
			.set("WebHook-Request-Origin", this.origin.get())
			.set(HttpHeaderNames.CONTENT_TYPE, delivery.contentType());
		if (connection.userId() != null) {
			headers.set("ce-userId", connection.userId());
		}
		if (connection.subprotocol() != null) {
			headers.set("ce-subprotocol", connection.subprotocol());
		}
		if (connection.connectionState() != null) {
			headers.set("ce-connectionState", connection.connectionState());
		}
		if (!connection.cookies().isEmpty()) {
			StringBuilder cookie = new StringBuilder();
			connection.cookies().forEach((name, value) -> cookie.append((cookie.length() > 0) ? "; " : "")
				.append(name)
				.append('=')
				.append(value));
			headers.set(HttpHeaderNames.COOKIE, cookie.toString());
		}
	}

	private static void rememberCookies(ClientConnection connection, UpstreamResponse response) {
		for (String setCookie : response.setCookies()) {
			String pair = setCookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			if (equals > 0) {
				connection.cookies().put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
			}
		}
	}

	/** Drops the query of a handler URL for logging, since it may carry a secret such as {@code code=}. */
	private static String redact(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query) + "?...";
	}

	/**
	 * One event on its way to a handler; retries send the same event again.
	 */
	private record Delivery(String url, ClientConnection connection, String eventName, boolean system,
			String contentType, byte[] body, long eventId, String time) {
	}

	/**
	 * The response of an event handler.
	 *
	 * @param status the HTTP status
	 * @param contentType the content type or {@code null}
	 * @param connectionState the {@code ce-connectionState} header, or {@code null} if absent
	 * @param setCookies the {@code Set-Cookie} headers
	 * @param body the body
	 */
	record UpstreamResponse(int status, @Nullable String contentType, @Nullable String connectionState,
			List<String> setCookies, byte[] body) {

		boolean isSuccess() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * An event handler could not be reached, failed validation, or kept failing after the retries.
	 */
	static final class UpstreamException extends RuntimeException {

		UpstreamException(String message) {
			super(message, null, false, false);
		}

	}

}
