package dev.webpubsub.spring.event;

/**
 * Error codes a handler can answer with, and the HTTP status and MQTT reason codes they map to.
 *
 * @author Web PubSub for Spring Boot team
 */
public enum WebPubSubErrorCode {

	/**
	 * Client is not allowed (401; MQTT 3.1.1 code 5, MQTT 5 code 135).
	 */
	UNAUTHORIZED(401, 5, 135),

	/**
	 * Client sent something wrong (400; MQTT 3.1.1 code 4, MQTT 5 code 134).
	 */
	USER_ERROR(400, 4, 134),

	/**
	 * Application failed (500; MQTT 3.1.1 code 3, MQTT 5 code 136).
	 */
	SERVER_ERROR(500, 3, 136);

	private final int httpStatus;

	private final int mqttV311Code;

	private final int mqttV5Code;

	WebPubSubErrorCode(int httpStatus, int mqttV311Code, int mqttV5Code) {
		this.httpStatus = httpStatus;
		this.mqttV311Code = mqttV311Code;
		this.mqttV5Code = mqttV5Code;
	}

	/**
	 * Returns the HTTP status sent to the service.
	 * @return 401, 400 or 500
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Returns the MQTT return or reason code used when an MQTT client's {@code connect} fails with this code.
	 * @param protocolVersion the MQTT protocol version of the client, 4 (3.1.1) or 5
	 * @return the MQTT code
	 */
	public int mqttCode(int protocolVersion) {
		return (protocolVersion >= 5) ? this.mqttV5Code : this.mqttV311Code;
	}

}
