package dev.webpubsub.spring.event;

import org.jspecify.annotations.Nullable;

/**
 * {@code disconnected} event: a client disconnected.
 *
 * @author Web PubSub for Spring Boot team
 */
public class DisconnectedEventRequest extends WebPubSubEventRequest {

	private final @Nullable String reason;

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param reason why the client disconnected, if known
	 */
	public DisconnectedEventRequest(WebPubSubConnectionContext connectionContext, @Nullable String reason) {
		super(connectionContext);
		this.reason = reason;
	}

	/**
	 * Returns why the client disconnected.
	 * @return the reason, or {@code null}
	 */
	public @Nullable String getReason() {
		return this.reason;
	}

}
