package dev.webpubsub.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import dev.webpubsub.emulator.EventHandlerSettings;
import dev.webpubsub.emulator.WebPubSubEmulator;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.event.WebPubSubClientProtocols;
import dev.webpubsub.spring.event.WebPubSubEventType;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMapping;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMappings;

/**
 * Points the embedded emulator at the application's own webhook endpoint once the web server has started and its
 * port is known: for each hub with handler methods of the default connection, one event handler that receives
 * exactly the system events and user events that have handler methods.
 *
 * @author Web PubSub for Spring Boot team
 */
final class EmulatorEventHandlerRegistrar implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(EmulatorEventHandlerRegistrar.class);

	private static final ConfigurationPropertyName DEFAULT_CONNECTION = ConfigurationPropertyName
		.adapt(WebPubSubConnections.DEFAULT_NAME, '.');

	private final WebPubSubEmulator emulator;

	private final ObjectProvider<WebPubSubEventHandlerMappings> mappings;

	private final ObjectProvider<WebPubSubEventHandlerProperties> properties;

	EmulatorEventHandlerRegistrar(WebPubSubEmulator emulator, ObjectProvider<WebPubSubEventHandlerMappings> mappings,
			ObjectProvider<WebPubSubEventHandlerProperties> properties) {
		this.emulator = emulator;
		this.mappings = mappings;
		this.properties = properties;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		WebPubSubEventHandlerMappings handlerMappings = this.mappings.getIfAvailable();
		WebPubSubEventHandlerProperties handlerProperties = this.properties.getIfAvailable();
		// A management server on its own port announces itself too; only the application's server has the webhook.
		if (event.getApplicationContext().getServerNamespace() != null || handlerMappings == null
				|| handlerProperties == null) {
			return;
		}
		String url = "http://127.0.0.1:" + event.getWebServer().getPort() + basePath(event)
				+ handlerProperties.getPath();
		handledEvents(handlerMappings.getMappings()).forEach((hub, events) -> {
			this.emulator.setEventHandlers(hub, List.of(events.toSettings(url)));
			logger.debug("Embedded Web PubSub emulator sends " + events + " of hub '" + hub + "' to " + url);
		});
	}

	/**
	 * Returns the events of each hub that have handler methods. Only the default connection is the emulator's, and
	 * the emulator speaks no MQTT.
	 */
	static Map<String, HubEvents> handledEvents(List<WebPubSubEventHandlerMapping> mappings) {
		Map<String, String> hubNames = new LinkedHashMap<>();
		Map<String, HubEvents> events = new LinkedHashMap<>();
		for (WebPubSubEventHandlerMapping mapping : mappings) {
			if (!ConfigurationPropertyName.adapt(mapping.connection(), '.').equals(DEFAULT_CONNECTION)
					|| mapping.clientProtocols() == WebPubSubClientProtocols.MQTT) {
				continue;
			}
			String hub = hubNames.computeIfAbsent(mapping.hub().toLowerCase(Locale.ROOT), (key) -> mapping.hub());
			HubEvents hubEvents = events.computeIfAbsent(hub, (key) -> new HubEvents());
			if (mapping.eventType() == WebPubSubEventType.SYSTEM) {
				hubEvents.system.add(mapping.eventName().toLowerCase(Locale.ROOT));
			}
			else {
				hubEvents.user.add(mapping.eventName());
			}
		}
		return events;
	}

	/**
	 * Returns the path the web server serves the application under: the servlet context path and the dispatcher
	 * servlet path, or WebFlux's base path.
	 */
	private static String basePath(WebServerInitializedEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		if (event.getApplicationContext() instanceof ReactiveWebServerApplicationContext) {
			return trimSlash(environment.getProperty("spring.webflux.base-path", ""));
		}
		String servletPath = environment.getProperty("spring.mvc.servlet.path", "/");
		if (servletPath.endsWith("/*")) {
			servletPath = servletPath.substring(0, servletPath.length() - 2);
		}
		return trimSlash(environment.getProperty("server.servlet.context-path", "")) + trimSlash(servletPath);
	}

	private static String trimSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * System events and user event names of one hub.
	 */
	static final class HubEvents {

		final Set<String> system = new LinkedHashSet<>();

		final Set<String> user = new LinkedHashSet<>();

		EventHandlerSettings toSettings(String url) {
			return new EventHandlerSettings(url, this.user.isEmpty() ? null : String.join(",", this.user),
					this.system);
		}

		@Override
		public String toString() {
			return "system events " + this.system + " and user events " + this.user;
		}

	}

}
