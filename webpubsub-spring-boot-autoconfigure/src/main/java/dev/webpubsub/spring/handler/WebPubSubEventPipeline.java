package dev.webpubsub.spring.handler;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.event.WebPubSubClientProtocols;
import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.event.WebPubSubDataType;
import dev.webpubsub.spring.event.WebPubSubErrorCode;
import dev.webpubsub.spring.event.WebPubSubEventException;
import dev.webpubsub.spring.event.WebPubSubEventRequest;

/**
 * Stack-neutral webhook pipeline shared by the Servlet and reactive endpoints. The header phase
 * ({@link #prepare}) answers the abuse-protection handshake ({@code OPTIONS}), rejects other methods than
 * {@code POST} (405), missing {@code ce-*} headers (400), events without a handler (404), bad signatures (401),
 * bodies over the limit (413) and unsupported content types (400). The body phase ({@link #handle}) reads the
 * typed request (400 when malformed), invokes the handler and writes its answer; empty success is 204.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class WebPubSubEventPipeline {

	private static final Log logger = LogFactory.getLog(WebPubSubEventPipeline.class);

	/**
	 * Header of the abuse-protection request that carries the service host.
	 */
	public static final String REQUEST_ORIGIN = "WebHook-Request-Origin";

	/**
	 * Header of the abuse-protection answer that names the allowed origin.
	 */
	public static final String ALLOWED_ORIGIN = "WebHook-Allowed-Origin";

	static final String GENERIC_ERROR = "Internal server error while handling the event";

	/**
	 * Name of the observation around every handler invocation.
	 */
	public static final String OBSERVATION_NAME = "webpubsub.event";

	private static final String OUTCOME = "outcome";

	private final WebPubSubEventHandlerMappings mappings;

	private final WebPubSubConnections connections;

	private final Set<String> allowedOrigins;

	private final boolean allowAnyOrigin;

	private final long maxBodySize;

	private final ConnectionStatesCodec statesCodec;

	private final EventRequestReader requestReader;

	private final EventResponseWriter responseWriter;

	private volatile @Nullable RequestValidator defaultValidator;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	/**
	 * Creates a pipeline.
	 * @param mappings the handler methods
	 * @param connections the connections whose hosts may send events
	 * @param allowedOrigins further origins that pass abuse protection; {@code *} allows any
	 * @param maxBodySize the largest accepted body in bytes
	 * @param jsonMapper the JSON mapper for bodies and replies
	 */
	public WebPubSubEventPipeline(WebPubSubEventHandlerMappings mappings, WebPubSubConnections connections,
			Collection<String> allowedOrigins, long maxBodySize, JsonMapper jsonMapper) {
		if (maxBodySize <= 0) {
			throw new IllegalArgumentException("'maxBodySize' must be positive");
		}
		this.mappings = mappings;
		this.connections = connections;
		this.allowedOrigins = new LinkedHashSet<>();
		allowedOrigins.forEach((origin) -> this.allowedOrigins.add(origin.trim().toLowerCase(Locale.ROOT)));
		this.allowAnyOrigin = this.allowedOrigins.contains("*");
		this.maxBodySize = maxBodySize;
		this.statesCodec = new ConnectionStatesCodec(jsonMapper);
		this.requestReader = new EventRequestReader(jsonMapper);
		this.responseWriter = new EventResponseWriter(jsonMapper, this.statesCodec);
	}

	/**
	 * Returns the largest body the pipeline accepts.
	 * @return the limit in bytes
	 */
	public long getMaxBodySize() {
		return this.maxBodySize;
	}

	/**
	 * Returns the answer to a body over the limit.
	 * @return a 413 result
	 */
	public EventResult bodyTooLarge() {
		return EventResult.text(413, "Request body is larger than the limit of " + this.maxBodySize + " bytes");
	}

	/**
	 * Runs the header phase.
	 * @param method the HTTP method
	 * @param headers the request headers
	 * @return a final result, or a prepared event that needs its body
	 */
	public EventPreparation prepare(String method, HttpHeaders headers) {
		return prepare(method, headers, true);
	}

	private EventPreparation prepare(String method, HttpHeaders headers, boolean route) {
		if ("OPTIONS".equalsIgnoreCase(method)) {
			return preflight(headers);
		}
		if (!"POST".equalsIgnoreCase(method)) {
			HttpHeaders allow = new HttpHeaders();
			allow.set(HttpHeaders.ALLOW, "POST, OPTIONS");
			return new EventResult(405, allow, new byte[0]);
		}
		CloudEventHeaders event = CloudEventHeaders.from(headers);
		if (event == null) {
			return reject(400, "Missing required header " + CloudEventHeaders.findMissing(headers));
		}
		EventHandlerMethod handler = route
				? this.mappings.find(event.hub(), event.eventType(), event.eventName(), event.clientProtocol()) : null;
		if (route && handler == null) {
			return reject(404, "No handler for " + event.eventType().name().toLowerCase(Locale.ROOT) + " event '"
					+ event.eventName() + "' of hub '" + event.hub() + "'");
		}
		RequestValidator validator = (handler != null) ? handler.validator() : defaultValidator();
		if (!validator.isValidSignature(event.origins(), event.signature(), event.connectionId())) {
			return reject(401, "Signature validation failed");
		}
		if (headers.getContentLength() > this.maxBodySize) {
			return bodyTooLarge();
		}
		EventKind kind = EventKind.of(event);
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		// A user event without a content type is binary, as the official emulator treats it.
		WebPubSubDataType dataType = (kind != EventKind.USER) ? null
				: (contentType != null) ? WebPubSubDataType.fromContentType(contentType) : WebPubSubDataType.BINARY;
		if (kind == EventKind.USER && dataType == null) {
			return reject(400, "Message data only supports text, binary, json. Current value is: " + contentType);
		}
		Map<String, byte[]> states;
		try {
			states = this.statesCodec.decode(event.connectionState());
		}
		catch (IllegalArgumentException ex) {
			return reject(400, ex.getMessage());
		}
		return new PreparedEvent(handler, kind, context(event, headers, states), dataType);
	}

	private RequestValidator defaultValidator() {
		RequestValidator validator = this.defaultValidator;
		if (validator == null) {
			validator = new RequestValidator(
					this.connections.find(WebPubSubConnections.DEFAULT_NAME).map(List::of).orElse(List.of()));
			this.defaultValidator = validator;
		}
		return validator;
	}

	/**
	 * Runs the header phase for a {@link WebPubSubContext}: the same checks as {@link #prepare}, without routing
	 * to a handler method; signatures are validated with the default connection.
	 * @param method the HTTP method
	 * @param headers the request headers
	 * @return a final result, or a prepared event that needs its body
	 */
	public EventPreparation prepareContext(String method, HttpHeaders headers) {
		return prepare(method, headers, false);
	}

	/**
	 * Finishes a {@link WebPubSubContext} from the header phase and the body.
	 * @param method the HTTP method, as given to {@link #prepareContext}
	 * @param preparation the result of {@link #prepareContext}
	 * @param body the body, or {@code null} when it was over the limit
	 * @return the context
	 */
	public WebPubSubContext createContext(String method, EventPreparation preparation, byte @Nullable [] body) {
		if (body == null) {
			return WebPubSubContext.failed(bodyTooLarge());
		}
		if (preparation instanceof EventResult result) {
			// A rejected handshake is still the handshake, as in the Functions binding (PreflightRequest.IsValid).
			return "OPTIONS".equalsIgnoreCase(method) ? WebPubSubContext.preflight(result)
					: WebPubSubContext.failed(result);
		}
		PreparedEvent event = (PreparedEvent) preparation;
		try {
			WebPubSubEventRequest request = this.requestReader.read(event.kind(), event.getConnectionContext(), body,
					event.dataType());
			return WebPubSubContext.of(request,
					(value) -> this.responseWriter.write(event.kind(), request, value, "WebPubSubContext.respond"));
		}
		catch (BadEventException ex) {
			return WebPubSubContext.failed(reject(400, ex.getMessage()));
		}
	}

	private EventResult preflight(HttpHeaders headers) {
		List<String> origins = CloudEventHeaders.origins(headers);
		if (origins.isEmpty()) {
			return reject(400, "Missing required header " + REQUEST_ORIGIN);
		}
		Optional<String> allowed = this.allowAnyOrigin ? Optional.of("*") : findAllowedOrigin(origins);
		if (allowed.isEmpty()) {
			return reject(400, "Origin is not allowed: " + String.join(",", origins));
		}
		HttpHeaders answer = new HttpHeaders();
		answer.set(ALLOWED_ORIGIN, allowed.get());
		return new EventResult(200, answer, new byte[0]);
	}

	private Optional<String> findAllowedOrigin(List<String> origins) {
		Set<String> hosts = new LinkedHashSet<>(this.allowedOrigins);
		this.connections.find(WebPubSubConnections.DEFAULT_NAME)
			.ifPresent((connection) -> hosts.add(connection.host().toLowerCase(Locale.ROOT)));
		for (EventHandlerMethod handler : this.mappings.handlers()) {
			for (WebPubSubConnection connection : handler.connections()) {
				hosts.add(connection.host().toLowerCase(Locale.ROOT));
			}
		}
		return origins.stream().filter((origin) -> hosts.contains(origin.toLowerCase(Locale.ROOT))).findFirst();
	}

	private static WebPubSubConnectionContext context(CloudEventHeaders event, HttpHeaders headers,
			Map<String, byte[]> states) {
		String physicalConnectionId = (event.clientProtocol() == WebPubSubClientProtocols.MQTT)
				? event.physicalConnectionId() : null;
		return new WebPubSubConnectionContext(event.hub(), event.connectionId(), event.userId(), event.eventName(),
				event.eventType(), event.origins().get(0), event.subprotocol(), physicalConnectionId,
				event.sessionId(), asMap(headers), states);
	}

	/**
	 * Returns a read-only view of the headers for the context, which copies them once (a Servlet container recycles
	 * the request that they read from).
	 */
	private static Map<String, List<String>> asMap(HttpHeaders headers) {
		return new AbstractMap<>() {

			@Override
			public Set<Entry<String, List<String>>> entrySet() {
				return headers.headerSet();
			}

		};
	}

	/**
	 * Runs the body phase: reads the typed request, invokes the handler and writes its answer.
	 * @param event the prepared event
	 * @param body the request body, at most {@link #getMaxBodySize()} bytes
	 * @return the answer, completed when the handler's result is
	 */
	public CompletableFuture<EventResult> handle(PreparedEvent event, byte[] body) {
		WebPubSubEventRequest request;
		try {
			request = this.requestReader.read(event.kind(), event.getConnectionContext(), body, event.dataType());
		}
		catch (BadEventException ex) {
			return CompletableFuture.completedFuture(reject(400, ex.getMessage()));
		}
		EventHandlerMethod handler = event.handler();
		if (handler == null) {
			return CompletableFuture.completedFuture(EventResult.empty(204));
		}
		Observation observation = observation(event, handler).start();
		CompletableFuture<@Nullable Object> result;
		try (Observation.Scope scope = observation.openScope()) {
			result = handler.invoke(new EventInvocation(request));
		}
		catch (BadEventException ex) {
			observation.lowCardinalityKeyValue(OUTCOME, "400").stop();
			return CompletableFuture.completedFuture(reject(400, ex.getMessage()));
		}
		return result.handle((value, failure) -> {
			if (failure != null) {
				observation.error(failure);
			}
			EventResult answer = answer(event, request, handler, value, failure);
			observation.lowCardinalityKeyValue(OUTCOME, Integer.toString(answer.status())).stop();
			return answer;
		});
	}

	private Observation observation(PreparedEvent event, EventHandlerMethod handler) {
		WebPubSubEventHandlerMapping mapping = handler.mapping();
		return Observation.createNotStarted(OBSERVATION_NAME, this.observationRegistry)
			.contextualName("webpubsub " + mapping.eventName())
			.lowCardinalityKeyValue("webpubsub.hub", mapping.hub())
			.lowCardinalityKeyValue("webpubsub.event.type", mapping.eventType().name().toLowerCase(Locale.ROOT))
			.lowCardinalityKeyValue("webpubsub.event.name", mapping.eventName())
			.lowCardinalityKeyValue("webpubsub.client.protocol",
					event.getConnectionContext().isMqtt() ? "mqtt" : "webpubsub");
	}

	/**
	 * Sets the registry of the observation around every handler invocation ({@value #OBSERVATION_NAME}, with the
	 * hub, event type, event name, client protocol and the HTTP status of the answer as {@code outcome}).
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	private EventResult answer(PreparedEvent event, WebPubSubEventRequest request, EventHandlerMethod handler,
			@Nullable Object value, @Nullable Throwable failure) {
		if (failure != null) {
			return answerFailure(event, request, handler, failure);
		}
		try {
			return this.responseWriter.write(event.kind(), request, value, handler);
		}
		catch (RuntimeException ex) {
			// A reply that cannot be written (such as an object Jackson cannot serialise) is the handler's failure.
			return answerFailure(event, request, handler, ex);
		}
	}

	private EventResult answerFailure(PreparedEvent event, WebPubSubEventRequest request, EventHandlerMethod handler,
			Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (!event.kind().isBlocking()) {
			logFailure(handler, request, cause);
			return EventResult.empty(204);
		}
		if (cause instanceof WebPubSubEventException exception) {
			String message = (exception.getMessage() != null) ? exception.getMessage() : exception.getCode().name();
			return this.responseWriter.writeError(event.kind(), request, exception.getCode(), message);
		}
		logFailure(handler, request, cause);
		return this.responseWriter.writeError(event.kind(), request, WebPubSubErrorCode.SERVER_ERROR, GENERIC_ERROR);
	}

	private static void logFailure(EventHandlerMethod handler, WebPubSubEventRequest request, Throwable failure) {
		logger.error("Web PubSub event handler " + handler + " failed on " + request.getConnectionContext() + ": "
				+ failure);
		if (logger.isDebugEnabled()) {
			logger.debug("Failure of Web PubSub event handler " + handler, failure);
		}
	}

	private static EventResult reject(int status, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Rejecting Web PubSub upstream request with " + status + ": " + reason);
		}
		return EventResult.text(status, reason);
	}

}
