package dev.webpubsub.spring.handler;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

import dev.webpubsub.spring.event.WebPubSubErrorCode;
import dev.webpubsub.spring.event.WebPubSubEventRequest;

/**
 * Web PubSub upstream request parsed and validated for an application's own controller method, like the
 * Functions {@code WebPubSubContext} input binding. Declare it as a parameter of any {@code @PostMapping} /
 * {@code @RequestMapping} method (Spring MVC or WebFlux); it is validated with the same rules as the webhook
 * endpoint (abuse protection, required headers, signature against the default connection, size limit, content
 * type) and exposes the typed request, whether the request was the abuse-protection preflight, any error, and a
 * ready response.
 * <pre class="code">
 * &#064;RequestMapping(path = "/my-hook", method = { RequestMethod.POST, RequestMethod.OPTIONS })
 * ResponseEntity&lt;byte[]&gt; hook(WebPubSubContext context) {
 *     if (context.isPreflight() || context.hasError()) {
 *         return context.toResponseEntity();
 *     }
 *     ...
 *     return context.respond(ConnectEventResponse.builder().userId("alice").build());
 * }
 * </pre>
 *
 * @author Web PubSub for Spring Boot team
 */
public final class WebPubSubContext {

	private final @Nullable WebPubSubEventRequest request;

	private final boolean preflight;

	private final EventResult response;

	private final Function<@Nullable Object, EventResult> responder;

	private WebPubSubContext(@Nullable WebPubSubEventRequest request, boolean preflight, EventResult response,
			Function<@Nullable Object, EventResult> responder) {
		this.request = request;
		this.preflight = preflight;
		this.response = response;
		this.responder = responder;
	}

	static WebPubSubContext of(WebPubSubEventRequest request, Function<@Nullable Object, EventResult> responder) {
		return new WebPubSubContext(request, false, EventResult.empty(204), responder);
	}

	static WebPubSubContext preflight(EventResult response) {
		return new WebPubSubContext(null, true, response, (value) -> response);
	}

	static WebPubSubContext failed(EventResult response) {
		return new WebPubSubContext(null, false, response, (value) -> response);
	}

	/**
	 * Returns the typed request, such as a {@code ConnectEventRequest}.
	 * @return the request, or {@code null} for a preflight or a request with an error
	 */
	public @Nullable WebPubSubEventRequest getRequest() {
		return this.request;
	}

	/**
	 * Whether the request was the abuse-protection handshake ({@code OPTIONS}); {@link #getResponse()} answers it:
	 * 200 when the origin is allowed, else 400 and {@link #hasError()}.
	 * @return whether it was a preflight
	 */
	public boolean isPreflight() {
		return this.preflight;
	}

	/**
	 * Whether the request was rejected; {@link #getResponse()} carries the status and reason.
	 * @return whether there is an error
	 */
	public boolean hasError() {
		return this.response.status() >= 400;
	}

	/**
	 * Returns the error code of a rejected request: {@code UNAUTHORIZED} for a bad signature, {@code USER_ERROR}
	 * for any other rejection.
	 * @return the error code, or {@code null} when there is no error
	 */
	public @Nullable WebPubSubErrorCode getErrorCode() {
		if (!hasError()) {
			return null;
		}
		return (this.response.status() == 401) ? WebPubSubErrorCode.UNAUTHORIZED : WebPubSubErrorCode.USER_ERROR;
	}

	/**
	 * Returns the one-line reason of a rejected request.
	 * @return the reason, or {@code null} when there is no error
	 */
	public @Nullable String getErrorMessage() {
		return hasError() ? this.response.bodyAsString() : null;
	}

	/**
	 * Returns the ready response: the preflight answer, the rejection, or 204 for a valid event.
	 * @return the response
	 */
	public EventResult getResponse() {
		return this.response;
	}

	/**
	 * Returns {@link #getResponse()} as a {@link ResponseEntity} to return from a controller method.
	 * @return the response entity
	 */
	public ResponseEntity<byte[]> toResponseEntity() {
		return toResponseEntity(this.response);
	}

	/**
	 * Builds the response to a valid event from what an event handler would return: a typed response (states
	 * are merged over the request's), {@code String}, {@code byte[]}, an object for JSON, or {@code null}. For a
	 * preflight or a rejected request the ready response is returned instead.
	 * @param value the handler's answer
	 * @return the response entity
	 */
	public ResponseEntity<byte[]> respond(@Nullable Object value) {
		return toResponseEntity(this.responder.apply(value));
	}

	private static ResponseEntity<byte[]> toResponseEntity(EventResult result) {
		return ResponseEntity.status(result.status()).headers(result.headers()).body(result.body());
	}

	@Override
	public String toString() {
		return "WebPubSubContext[preflight=" + this.preflight + ", status=" + this.response.status() + ", request="
				+ this.request + "]";
	}

}
