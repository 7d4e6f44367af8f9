package dev.webpubsub.spring.handler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.webpubsub.spring.event.WebPubSubClientProtocols;
import dev.webpubsub.spring.event.WebPubSubEventType;

/**
 * The {@code @WebPubSubEventHandler} methods of the application, detected once every singleton exists, and the
 * routing table of the webhook endpoint: hub (case-insensitive), event type, event name (case-insensitive) and
 * client protocol, where a handler for the request's protocol wins over one for all protocols.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class WebPubSubEventHandlerMappings {

	private volatile Map<RouteKey, EventHandlerMethod> handlers = Map.of();

	/**
	 * Returns the detected mappings, in detection order.
	 * @return the mappings
	 */
	public List<WebPubSubEventHandlerMapping> getMappings() {
		return this.handlers.values().stream().map(EventHandlerMethod::mapping).toList();
	}

	/**
	 * Returns the hubs that have at least one handler, as the first mapping of each hub spells it (hubs are
	 * matched case-insensitively).
	 * @return the hubs
	 */
	public List<String> getHubs() {
		Map<String, String> hubs = new LinkedHashMap<>();
		this.handlers.values()
			.forEach((handler) -> hubs.putIfAbsent(handler.mapping().hub().toLowerCase(Locale.ROOT),
					handler.mapping().hub()));
		return List.copyOf(hubs.values());
	}

	synchronized void register(EventHandlerMethod handler) {
		WebPubSubEventHandlerMapping mapping = handler.mapping();
		RouteKey key = RouteKey.of(mapping.hub(), mapping.eventType(), mapping.eventName(),
				mapping.clientProtocols());
		EventHandlerMethod existing = this.handlers.get(key);
		if (existing != null) {
			throw new InvalidEventHandlerMethodException(mapping.method(), "ambiguous mapping: both "
					+ existing.mapping().method() + " and " + mapping.method() + " handle " + mapping.eventType()
					+ " event '" + mapping.eventName() + "' of hub '" + mapping.hub() + "' for client protocols "
					+ mapping.clientProtocols() + ". Remove one, or give them different hubs, events or client "
					+ "protocols.");
		}
		Map<RouteKey, EventHandlerMethod> copy = new LinkedHashMap<>(this.handlers);
		copy.put(key, handler);
		this.handlers = copy;
	}

	@Nullable EventHandlerMethod find(String hub, WebPubSubEventType eventType, String eventName,
			WebPubSubClientProtocols protocol) {
		EventHandlerMethod specific = this.handlers.get(RouteKey.of(hub, eventType, eventName, protocol));
		return (specific != null) ? specific
				: this.handlers.get(RouteKey.of(hub, eventType, eventName, WebPubSubClientProtocols.ALL));
	}

	Collection<EventHandlerMethod> handlers() {
		return new ArrayList<>(this.handlers.values());
	}

	@Override
	public String toString() {
		return "WebPubSubEventHandlerMappings" + getMappings();
	}

	private record RouteKey(String hub, WebPubSubEventType eventType, String eventName,
			WebPubSubClientProtocols protocol) {

		static RouteKey of(String hub, WebPubSubEventType eventType, String eventName,
				WebPubSubClientProtocols protocol) {
			return new RouteKey(hub.toLowerCase(Locale.ROOT), eventType, eventName.toLowerCase(Locale.ROOT),
					protocol);
		}

	}

}
