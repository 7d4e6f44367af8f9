package dev.webpubsub.spring.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.HubName;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.template.ReactiveWebPubSubOperations;
import dev.webpubsub.spring.template.ReactiveWebPubSubTemplate;
import dev.webpubsub.spring.template.WebPubSubOperations;
import dev.webpubsub.spring.template.WebPubSubTemplate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link ReactiveWebPubSubTemplate} and
 * {@link WebPubSubTemplate} of the default connection, on the default hub ({@code WebPubSubHub}), over a
 * {@link WebClient} from Spring Boot's {@link WebClient.Builder}, with Boot's {@link JsonMapper}, retries and
 * timeouts from {@code webpubsub.client.*}, an observation around every operation when an
 * {@link ObservationRegistry} exists, and a health indicator when Boot's health support is present. Nothing is
 * created without a default connection.
 *
 * @author Web PubSub for Spring Boot team
 */
@AutoConfiguration(after = WebPubSubAutoConfiguration.class,
		afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@ConditionalOnBean(WebPubSubConnectionDetails.class)
@EnableConfigurationProperties(WebPubSubClientProperties.class)
public final class WebPubSubTemplateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveWebPubSubOperations.class)
	ReactiveWebPubSubTemplate reactiveWebPubSubTemplate(WebPubSubConnections connections,
			WebPubSubFunctionsProperties functionsProperties, WebPubSubClientProperties clientProperties,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		return template(functionsProperties.getWebPubSubHub(), connections, clientProperties, webClientBuilder,
				jsonMapper, observationRegistry);
	}

	/**
	 * Creates a template of the default connection the way the template bean is created, so that other
	 * auto-configurations get the same client, retries and observations when the application replaced the bean.
	 */
	static ReactiveWebPubSubTemplate template(@Nullable String hub, WebPubSubConnections connections,
			WebPubSubClientProperties clientProperties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ObservationRegistry> observationRegistry) {
		ReactiveWebPubSubTemplate.Builder builder = ReactiveWebPubSubTemplate.builder(connections.getDefault())
			.connections(connections)
			.hub((hub != null) ? HubName.requireValid(hub, "WebPubSubHub") : null)
			.webClientBuilder(() -> webClientBuilder.getIfAvailable(WebClient::builder))
			.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
			.timeout(clientProperties.getTimeout())
			.maxAttempts(clientProperties.getRetry().getMaxAttempts())
			.initialBackoff(clientProperties.getRetry().getInitialBackoff())
			.maxBackoff(clientProperties.getRetry().getMaxBackoff());
		jsonMapper.ifAvailable(builder::jsonMapper);
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid 'webpubsub.client' settings: " + ex.getMessage(), ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean(WebPubSubOperations.class)
	WebPubSubTemplate webPubSubTemplate(ReactiveWebPubSubOperations reactiveWebPubSubOperations) {
		return new WebPubSubTemplate(reactiveWebPubSubOperations);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AbstractReactiveHealthIndicator.class)
	static class HealthConfiguration {

		// Nested so that the health condition is only read when spring-boot-health is present.
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnEnabledHealthIndicator("webpubsub")
		static class HealthIndicatorConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "webPubSubHealthIndicator")
			WebPubSubHealthIndicator webPubSubHealthIndicator(
					ReactiveWebPubSubOperations reactiveWebPubSubOperations) {
				return new WebPubSubHealthIndicator(reactiveWebPubSubOperations);
			}

		}

	}

}
