package dev.webpubsub.spring.event;

import java.util.Objects;

/**
 * Error answer to a blocking event ({@code connect} or a user event): the status of the code and the message as
 * plain text. On {@code connect} the service rejects the client; on a user event it drops the connection. For an
 * MQTT client's {@code connect} the body is the MQTT error JSON with the code mapped by
 * {@link WebPubSubErrorCode#mqttCode(int)}.
 *
 * @param code the error code
 * @param message the message, which the service may relay to the client
 * @author Web PubSub for Spring Boot team
 */
public record EventErrorResponse(WebPubSubErrorCode code, String message) implements WebPubSubEventResponse {

	/**
	 * Creates a response, checking its arguments.
	 */
	public EventErrorResponse {
		Objects.requireNonNull(code, "'code' must not be null");
		Objects.requireNonNull(message, "'message' must not be null");
	}

}
