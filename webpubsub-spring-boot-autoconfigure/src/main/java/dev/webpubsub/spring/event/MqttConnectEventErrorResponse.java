package dev.webpubsub.spring.event;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Error answer to an MQTT client's {@code connect}: the MQTT return code (3.1.1) or reason code (5) of the CONNACK
 * packet, a reason and optional user properties. The HTTP status follows from the code, as in the .NET SDK.
 *
 * @param code the MQTT code, such as 5 (3.1.1 NotAuthorized) or 135 (5 NotAuthorized)
 * @param reason the reason, or {@code null}
 * @param userProperties the MQTT 5 user properties, or {@code null}
 * @author Web PubSub for Spring Boot team
 */
public record MqttConnectEventErrorResponse(int code, @Nullable String reason,
		@Nullable List<MqttUserProperty> userProperties) implements WebPubSubEventResponse {

	/**
	 * Creates a response, checking that the code is one with a defined HTTP status.
	 */
	public MqttConnectEventErrorResponse {
		httpStatusOf(code);
		userProperties = (userProperties != null) ? List.copyOf(userProperties) : null;
	}

	/**
	 * Returns the HTTP status sent to the service for this code.
	 * @return the HTTP status
	 */
	public int httpStatus() {
		return httpStatusOf(this.code);
	}

	private static int httpStatusOf(int code) {
		return switch (code) {
			case 1, 2, 129, 131, 132, 133, 140, 144, 149, 153, 154, 155 -> 400;
			case 3 -> 503;
			case 4, 5, 134, 135 -> 401;
			case 138 -> 403;
			case 151, 159 -> 429;
			case 128, 136, 137, 156, 157 -> 500;
			default -> throw new IllegalArgumentException(
					"'code' " + code + " is not an MQTT CONNACK error code of MQTT 3.1.1 (1-5) or MQTT 5 (128-159)");
		};
	}

}
