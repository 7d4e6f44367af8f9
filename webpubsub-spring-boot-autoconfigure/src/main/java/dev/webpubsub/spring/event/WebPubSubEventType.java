package dev.webpubsub.spring.event;

import java.util.Locale;

/**
 * Kind of an upstream event: a system event ({@code connect}, {@code connected}, {@code disconnected}) or a user
 * event (any other name, including the group presence events {@code joined} and {@code left}).
 *
 * @author Web PubSub for Spring Boot team
 */
public enum WebPubSubEventType {

	/**
	 * System event, {@code ce-type} {@code azure.webpubsub.sys.*}.
	 */
	SYSTEM,

	/**
	 * User event, any other {@code ce-type}.
	 */
	USER;

	/**
	 * Returns the type that an event name implies: {@code connect}, {@code connected} and {@code disconnected} are
	 * system events, every other name is a user event.
	 * @param eventName the event name
	 * @return the inferred type
	 */
	public static WebPubSubEventType inferFrom(String eventName) {
		return switch (eventName.toLowerCase(Locale.ROOT)) {
			case "connect", "connected", "disconnected" -> SYSTEM;
			default -> USER;
		};
	}

}
