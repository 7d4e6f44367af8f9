package dev.webpubsub.spring.event;

import java.util.Objects;

/**
 * Thrown by an event handler to answer the service with an error: the status of the {@link WebPubSubErrorCode}
 * and this exception's message as the body. The service may relay the message to the client, so it should be
 * written for the client.
 *
 * @author Web PubSub for Spring Boot team
 */
public class WebPubSubEventException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final WebPubSubErrorCode code;

	/**
	 * Creates an exception.
	 * @param code the error code
	 * @param message the message sent to the service
	 */
	public WebPubSubEventException(WebPubSubErrorCode code, String message) {
		super(message);
		this.code = Objects.requireNonNull(code, "'code' must not be null");
	}

	/**
	 * Returns the error code.
	 * @return the error code
	 */
	public WebPubSubErrorCode getCode() {
		return this.code;
	}

}
