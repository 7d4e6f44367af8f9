package dev.webpubsub.spring.handler;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Stack-neutral HTTP answer of the webhook pipeline: status, headers and body, which the Servlet and reactive
 * adapters copy into their responses.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the response body, empty for none
 * @author Web PubSub for Spring Boot team
 */
public record EventResult(int status, HttpHeaders headers, byte[] body) implements EventPreparation {

	/**
	 * Creates a result with read-only headers.
	 */
	public EventResult {
		Objects.requireNonNull(headers, "'headers' must not be null");
		Objects.requireNonNull(body, "'body' must not be null");
		headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * Creates a result without headers or body.
	 * @param status the status
	 * @return the result
	 */
	public static EventResult empty(int status) {
		return new EventResult(status, new HttpHeaders(), new byte[0]);
	}

	/**
	 * Creates a result with a one-line plain-text body.
	 * @param status the status
	 * @param message the body
	 * @return the result
	 */
	public static EventResult text(int status, String message) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
		return new EventResult(status, headers, message.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Returns the body decoded as UTF-8, for logs and tests.
	 * @return the body as text
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "EventResult[status=" + this.status + ", headers=" + this.headers + ", body=" + this.body.length
				+ " bytes]";
	}

}
