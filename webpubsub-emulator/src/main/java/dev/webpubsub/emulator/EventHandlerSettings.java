package dev.webpubsub.emulator;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One upstream event handler of a hub, as configured on the service: the URL template that events are posted to,
 * the user events it receives and the system events it receives. A hub's handlers are ordered; the first one that
 * matches an event receives it.
 *
 * @param urlTemplate absolute {@code http} or {@code https} URL; {@code {hub}} and {@code {event}} are replaced
 * with the hub name and the event name (not allowed in the host part)
 * @param userEventPattern {@code *} for every user event, a comma-separated list of event names, or {@code null}
 * for none
 * @param systemEvents the system events to receive: {@code connect}, {@code connected}, {@code disconnected}
 */
public record EventHandlerSettings(String urlTemplate, @Nullable String userEventPattern, Set<String> systemEvents) {

	/** The system events a handler can receive. */
	public static final Set<String> SYSTEM_EVENTS = Set.of("connect", "connected", "disconnected");

	/**
	 * Validates the settings.
	 * @param urlTemplate the URL template
	 * @param userEventPattern the user event pattern or {@code null}
	 * @param systemEvents the system events
	 */
	public EventHandlerSettings {
		if (urlTemplate == null || urlTemplate.isBlank()) {
			throw new IllegalArgumentException("'urlTemplate' must not be empty");
		}
		URI uri;
		try {
			uri = URI.create(urlTemplate.replace("{hub}", "hub").replace("{event}", "event"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'urlTemplate' is not a valid URL: " + urlTemplate);
		}
		if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
				|| uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
			throw new IllegalArgumentException("'urlTemplate' must be an absolute http or https URL: " + urlTemplate);
		}
		String authority = urlTemplate.substring(urlTemplate.indexOf("//") + 2).split("[/?#]", 2)[0];
		if (authority.contains("{")) {
			throw new IllegalArgumentException("'urlTemplate' must not use parameters in its host: " + urlTemplate);
		}
		if (userEventPattern != null && userEventPattern.isBlank()) {
			userEventPattern = null;
		}
		systemEvents = Set.copyOf(systemEvents);
		for (String event : systemEvents) {
			if (!SYSTEM_EVENTS.contains(event)) {
				throw new IllegalArgumentException(
						"'systemEvents' may only contain connect, connected and disconnected, not '" + event + "'");
			}
		}
	}

	/**
	 * Creates settings that receive every system event and every user event.
	 * @param urlTemplate the URL template
	 * @return the settings
	 */
	public static EventHandlerSettings allEvents(String urlTemplate) {
		return new EventHandlerSettings(urlTemplate, "*", SYSTEM_EVENTS);
	}

	/**
	 * Creates settings from comma-separated lists, as the command line takes them.
	 * @param urlTemplate the URL template
	 * @param userEvents {@code *}, a comma-separated list, or an empty string for none
	 * @param systemEvents a comma-separated list of system events, or an empty string for none
	 * @return the settings
	 */
	public static EventHandlerSettings of(String urlTemplate, String userEvents, String systemEvents) {
		Set<String> system = new LinkedHashSet<>();
		for (String event : systemEvents.split(",")) {
			if (!event.isBlank()) {
				system.add(event.trim());
			}
		}
		return new EventHandlerSettings(urlTemplate, userEvents, system);
	}

	/**
	 * Tells whether this handler receives the given event.
	 * @param eventName the event name
	 * @param system whether it is a system event
	 * @return whether it matches
	 */
	public boolean handles(String eventName, boolean system) {
		if (system) {
			return this.systemEvents.contains(eventName);
		}
		if (this.userEventPattern == null) {
			return false;
		}
		List<String> names = Arrays.stream(this.userEventPattern.split(",")).map(String::trim).toList();
		return names.contains("*") || names.contains(eventName);
	}

	/**
	 * Expands the URL template for an event.
	 * @param hub the hub
	 * @param eventName the event name ({@code validate} for the abuse protection handshake)
	 * @return the URL
	 */
	public String url(String hub, String eventName) {
		return this.urlTemplate.replace("{hub}", UriParts.encode(hub)).replace("{event}", UriParts.encode(eventName));
	}

}
