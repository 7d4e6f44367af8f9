package dev.webpubsub.spring.event;

import java.nio.charset.StandardCharsets;

/**
 * User event: a message a client sent to the server, such as {@code message} from simple WebSocket clients or a
 * named event from subprotocol clients.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class UserEventRequest extends WebPubSubEventRequest {

	private final byte[] data;

	private final WebPubSubDataType dataType;

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param data the data
	 * @param dataType the data type
	 */
	public UserEventRequest(WebPubSubConnectionContext connectionContext, byte[] data, WebPubSubDataType dataType) {
		super(connectionContext);
		this.data = data.clone();
		this.dataType = dataType;
	}

	/**
	 * Returns the data.
	 * @return a copy of the data
	 */
	public byte[] getData() {
		return this.data.clone();
	}

	/**
	 * Returns the data decoded as UTF-8 text.
	 * @return the data as text
	 */
	public String getDataAsString() {
		return new String(this.data, StandardCharsets.UTF_8);
	}

	/**
	 * Returns the data type.
	 * @return the data type
	 */
	public WebPubSubDataType getDataType() {
		return this.dataType;
	}

}
