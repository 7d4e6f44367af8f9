package dev.webpubsub.spring.autoconfigure;

import java.net.URI;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.webpubsub.emulator.WebPubSubEmulator;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMappings;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the embedded Web PubSub emulator: when
 * {@code webpubsub-emulator} is on the classpath and no connection is configured, the emulator starts in-process on
 * 127.0.0.1 and its {@link WebPubSubConnectionDetails} become the default connection of the rest of the starter,
 * the way Boot falls back to an embedded database. It starts on a thread of its own while the rest of the
 * application starts. Once the web server has started, the emulator delivers the
 * events of every handled hub to the application's own webhook endpoint. It stops with the application context. An
 * application's own, started {@link WebPubSubEmulator} bean takes the place of the embedded one.
 *
 * @author Web PubSub for Spring Boot team
 */
@AutoConfiguration(before = WebPubSubAutoConfiguration.class)
@ConditionalOnClass(WebPubSubEmulator.class)
@ConditionalOnMissingWebPubSubConnection
@ConditionalOnMissingBean(WebPubSubConnectionDetails.class)
@ConditionalOnBooleanProperty(name = "webpubsub.emulator.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WebPubSubEmulatorProperties.class)
public final class WebPubSubEmulatorAutoConfiguration {

	private static final Log logger = LogFactory.getLog(WebPubSubEmulatorAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(WebPubSubEmulator.class)
	static class EmbeddedEmulatorConfiguration {

		@Bean
		static EmbeddedEmulatorStarter webPubSubEmulatorStarter(Environment environment) {
			return new EmbeddedEmulatorStarter(environment);
		}

		@Bean(destroyMethod = "stop")
		WebPubSubEmulator webPubSubEmulator(EmbeddedEmulatorStarter starter) {
			WebPubSubEmulator emulator = starter.emulator();
			logger.warn("Using the embedded Web PubSub emulator at " + emulator.endpoint()
					+ " because no connection is configured; set WebPubSubConnectionString (or "
					+ "WebPubSubConnectionString.serviceUri) to use Azure Web PubSub, or webpubsub.emulator.enabled=false "
					+ "to turn the emulator off");
			return emulator;
		}

	}

	@Bean
	EmulatorConnectionDetails webPubSubEmulatorConnectionDetails(WebPubSubEmulator emulator) {
		return new EmulatorConnectionDetails(emulator);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebServerInitializedEvent.class)
	static class EventHandlerRegistrationConfiguration {

		@Bean
		EmulatorEventHandlerRegistrar webPubSubEmulatorEventHandlerRegistrar(WebPubSubEmulator emulator,
				ObjectProvider<WebPubSubEventHandlerMappings> mappings,
				ObjectProvider<WebPubSubEventHandlerProperties> properties) {
			return new EmulatorEventHandlerRegistrar(emulator, mappings, properties);
		}

	}

	/**
	 * {@link WebPubSubConnectionDetails} of the embedded emulator.
	 */
	static final class EmulatorConnectionDetails implements WebPubSubConnectionDetails {

		private final URI endpoint;

		private final String accessKey;

		EmulatorConnectionDetails(WebPubSubEmulator emulator) {
			this.endpoint = URI.create(emulator.endpoint());
			this.accessKey = emulator.accessKey();
		}

		@Override
		public URI getEndpoint() {
			return this.endpoint;
		}

		@Override
		public String getAccessKey() {
			return this.accessKey;
		}

	}

}
