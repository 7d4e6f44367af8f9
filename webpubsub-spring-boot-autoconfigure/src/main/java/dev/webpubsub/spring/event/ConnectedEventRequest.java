package dev.webpubsub.spring.event;

/**
 * {@code connected} event: a client connected. For MQTT clients it is sent only when a new session starts; the
 * physical connection id and session id are in the connection context.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class ConnectedEventRequest extends WebPubSubEventRequest {

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 */
	public ConnectedEventRequest(WebPubSubConnectionContext connectionContext) {
		super(connectionContext);
	}

}
