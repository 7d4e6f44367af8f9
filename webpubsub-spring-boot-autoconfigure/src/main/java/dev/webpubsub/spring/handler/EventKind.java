package dev.webpubsub.spring.handler;

import java.util.List;
import java.util.Locale;

import dev.webpubsub.spring.event.ConnectEventRequest;
import dev.webpubsub.spring.event.ConnectedEventRequest;
import dev.webpubsub.spring.event.DisconnectedEventRequest;
import dev.webpubsub.spring.event.GroupJoinedEventRequest;
import dev.webpubsub.spring.event.GroupLeftEventRequest;
import dev.webpubsub.spring.event.MqttConnectEventRequest;
import dev.webpubsub.spring.event.MqttDisconnectedEventRequest;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.WebPubSubEventRequest;
import dev.webpubsub.spring.event.WebPubSubEventType;

/**
 * Kinds of upstream events, with the request types they produce and whether the service waits for the answer.
 *
 * @author Web PubSub for Spring Boot team
 */
enum EventKind {

	CONNECT(true, ConnectEventRequest.class, MqttConnectEventRequest.class),

	CONNECTED(false, ConnectedEventRequest.class),

	DISCONNECTED(false, DisconnectedEventRequest.class, MqttDisconnectedEventRequest.class),

	USER(true, UserEventRequest.class),

	GROUP_JOINED(false, GroupJoinedEventRequest.class),

	GROUP_LEFT(false, GroupLeftEventRequest.class);

	private final boolean blocking;

	private final List<Class<? extends WebPubSubEventRequest>> requestTypes;

	@SafeVarargs
	EventKind(boolean blocking, Class<? extends WebPubSubEventRequest>... requestTypes) {
		this.blocking = blocking;
		this.requestTypes = List.of(requestTypes);
	}

	/**
	 * Whether the service waits for the handler's answer ({@code connect} and user events).
	 */
	boolean isBlocking() {
		return this.blocking;
	}

	List<Class<? extends WebPubSubEventRequest>> requestTypes() {
		return this.requestTypes;
	}

	/**
	 * Returns the kinds a handler mapping can receive: a user event named {@code joined} or {@code left} also
	 * receives the group presence event of that name.
	 * @param eventType the mapped type
	 * @param eventName the mapped name
	 * @return the kinds, empty for an unknown system event
	 */
	static List<EventKind> of(WebPubSubEventType eventType, String eventName) {
		String name = eventName.toLowerCase(Locale.ROOT);
		if (eventType == WebPubSubEventType.SYSTEM) {
			return switch (name) {
				case "connect" -> List.of(CONNECT);
				case "connected" -> List.of(CONNECTED);
				case "disconnected" -> List.of(DISCONNECTED);
				default -> List.of();
			};
		}
		return switch (name) {
			case "joined" -> List.of(USER, GROUP_JOINED);
			case "left" -> List.of(USER, GROUP_LEFT);
			default -> List.of(USER);
		};
	}

	/**
	 * Returns the kind of a request that was routed to a handler.
	 */
	static EventKind of(CloudEventHeaders headers) {
		if (headers.isGroupPresence()) {
			return "left".equalsIgnoreCase(headers.eventName()) ? GROUP_LEFT : GROUP_JOINED;
		}
		List<EventKind> kinds = of(headers.eventType(), headers.eventName());
		return kinds.isEmpty() ? USER : kinds.get(0);
	}

}
