package dev.webpubsub.spring.event;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reply to a user event, sent back to the client that sent it, with optional connection states.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class UserEventResponse implements WebPubSubEventResponse {

	private final byte[] data;

	private final WebPubSubDataType dataType;

	private final ConnectionStates states;

	private UserEventResponse(byte[] data, WebPubSubDataType dataType, ConnectionStates states) {
		this.data = data;
		this.dataType = dataType;
		this.states = states;
	}

	/**
	 * Creates a text reply.
	 * @param text the text
	 * @return the response
	 */
	public static UserEventResponse text(String text) {
		Objects.requireNonNull(text, "'text' must not be null");
		return new UserEventResponse(text.getBytes(StandardCharsets.UTF_8), WebPubSubDataType.TEXT,
				ConnectionStates.UNCHANGED);
	}

	/**
	 * Creates a JSON reply.
	 * @param json the JSON text
	 * @return the response
	 */
	public static UserEventResponse json(String json) {
		Objects.requireNonNull(json, "'json' must not be null");
		return new UserEventResponse(json.getBytes(StandardCharsets.UTF_8), WebPubSubDataType.JSON,
				ConnectionStates.UNCHANGED);
	}

	/**
	 * Creates a binary reply.
	 * @param data the data
	 * @return the response
	 */
	public static UserEventResponse binary(byte[] data) {
		Objects.requireNonNull(data, "'data' must not be null");
		return new UserEventResponse(data.clone(), WebPubSubDataType.BINARY, ConnectionStates.UNCHANGED);
	}

	/**
	 * Creates a reply without data that only changes connection states; the service sends nothing to the client.
	 * @return the response
	 */
	public static UserEventResponse empty() {
		return new UserEventResponse(new byte[0], WebPubSubDataType.BINARY, ConnectionStates.UNCHANGED);
	}

	/**
	 * Returns this reply with a connection state set.
	 * @param key the key
	 * @param value the value, stored as UTF-8
	 * @return a new response
	 */
	public UserEventResponse withState(String key, String value) {
		return new UserEventResponse(this.data, this.dataType, this.states.with(key, value));
	}

	/**
	 * Returns this reply with a connection state set.
	 * @param key the key
	 * @param value the value as raw bytes
	 * @return a new response
	 */
	public UserEventResponse withState(String key, byte[] value) {
		return new UserEventResponse(this.data, this.dataType, this.states.with(key, value));
	}

	/**
	 * Returns this reply with the request's connection states dropped (states set afterwards still apply).
	 * @return a new response
	 */
	public UserEventResponse withClearedStates() {
		return new UserEventResponse(this.data, this.dataType, ConnectionStates.cleared());
	}

	/**
	 * Returns the data.
	 * @return a copy of the data
	 */
	public byte[] getData() {
		return this.data.clone();
	}

	/**
	 * Returns the data type.
	 * @return the data type
	 */
	public WebPubSubDataType getDataType() {
		return this.dataType;
	}

	/**
	 * Returns the connection states this reply sets.
	 * @return the states
	 */
	public ConnectionStates getStates() {
		return this.states;
	}

}
