package dev.webpubsub.spring.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.handler.EventHandlerMethodDetector;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMappings;
import dev.webpubsub.spring.handler.WebPubSubEventPipeline;
import dev.webpubsub.spring.token.WebPubSubHubs;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of Web PubSub event handling: detection of
 * {@code @WebPubSubEventHandler} methods, the webhook pipeline, and the webhook endpoint
 * ({@code webpubsub.event-handler.path}) for Spring MVC and Spring WebFlux applications, with an observation
 * around every handler invocation when an {@code ObservationRegistry} exists. Applies only when a
 * connection is configured (or the embedded emulator publishes one), so that the endpoint never runs without the
 * keys that validate requests.
 *
 * @author Web PubSub for Spring Boot team
 */
@AutoConfiguration(after = WebPubSubAutoConfiguration.class)
@ConditionalOnBean(WebPubSubConnectionDetails.class)
@ConditionalOnBooleanProperty(name = "webpubsub.event-handler.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WebPubSubEventHandlerProperties.class)
@Import({ ServletWebhookEndpointConfiguration.class, ReactiveWebhookEndpointConfiguration.class })
public final class WebPubSubEventHandlerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebPubSubEventHandlerMappings webPubSubEventHandlerMappings() {
		return new WebPubSubEventHandlerMappings();
	}

	/**
	 * Lets the negotiate endpoint hand out tokens for every hub that has handler methods.
	 */
	@Bean
	WebPubSubHubs webPubSubEventHandlerHubs(WebPubSubEventHandlerMappings mappings) {
		return mappings::getHubs;
	}

	@Bean
	@ConditionalOnMissingBean
	EventHandlerMethodDetector webPubSubEventHandlerMethodDetector(ConfigurableListableBeanFactory beanFactory,
			Environment environment, WebPubSubConnections connections, WebPubSubFunctionsProperties functions,
			ObjectProvider<JsonMapper> jsonMapper, WebPubSubEventHandlerMappings mappings) {
		return new EventHandlerMethodDetector(beanFactory, environment, connections, functions::getWebPubSubHub,
				jsonMapper(jsonMapper), mappings);
	}

	@Bean
	@ConditionalOnMissingBean
	WebPubSubEventPipeline webPubSubEventPipeline(WebPubSubEventHandlerMappings mappings,
			WebPubSubConnections connections, WebPubSubEventHandlerProperties properties,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ObservationRegistry> observationRegistry) {
		WebPubSubEventPipeline pipeline = new WebPubSubEventPipeline(mappings, connections,
				properties.getAllowedOrigins(), properties.getMaxBodySize().toBytes(), jsonMapper(jsonMapper));
		observationRegistry.ifAvailable(pipeline::setObservationRegistry);
		return pipeline;
	}

	static JsonMapper jsonMapper(ObjectProvider<JsonMapper> jsonMapper) {
		return jsonMapper.getIfAvailable(() -> JsonMapper.builder().build());
	}

}
