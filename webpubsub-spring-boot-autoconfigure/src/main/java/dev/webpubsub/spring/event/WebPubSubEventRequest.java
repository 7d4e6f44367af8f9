package dev.webpubsub.spring.event;

import java.util.Objects;

/**
 * Base of every upstream event request: the connection context plus what the event's body carries.
 *
 * @author Web PubSub for Spring Boot team
 */
public abstract class WebPubSubEventRequest {

	private final WebPubSubConnectionContext connectionContext;

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 */
	protected WebPubSubEventRequest(WebPubSubConnectionContext connectionContext) {
		this.connectionContext = Objects.requireNonNull(connectionContext, "'connectionContext' must not be null");
	}

	/**
	 * Returns the connection context.
	 * @return the connection context
	 */
	public WebPubSubConnectionContext getConnectionContext() {
		return this.connectionContext;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.connectionContext + "]";
	}

}
