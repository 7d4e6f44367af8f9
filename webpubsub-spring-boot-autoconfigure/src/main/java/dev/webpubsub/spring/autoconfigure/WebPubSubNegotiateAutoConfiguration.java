package dev.webpubsub.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.HubName;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.template.ReactiveWebPubSubTemplate;
import dev.webpubsub.spring.token.ClientAccessTokens;
import dev.webpubsub.spring.token.ClientTokenService;
import dev.webpubsub.spring.token.NegotiatePolicy;
import dev.webpubsub.spring.token.NegotiateTokenCustomizer;
import dev.webpubsub.spring.token.WebPubSubHubs;
import dev.webpubsub.spring.token.WebPubSubUserIdResolver;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of client access tokens and the negotiate endpoint
 * ({@code GET /negotiate}) of servlet and reactive web applications. Active when a default connection exists,
 * whether configured or published by another source such as the embedded emulator. Identity-based connections get
 * their tokens from a {@link ClientTokenService} that calls the {@link ReactiveWebPubSubTemplate} bean, or a template
 * configured the same way when the application replaced it. Without {@code WebClient} on the class path (a Spring
 * MVC application without the starter's WebClient dependency), access-key connections still get their tokens and
 * the endpoint; identity-based ones fail each token request with a message that says what is missing.
 *
 * @author Web PubSub for Spring Boot team
 */
@AutoConfiguration(after = { WebPubSubAutoConfiguration.class, WebPubSubTemplateAutoConfiguration.class },
		afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass(Mono.class)
@ConditionalOnBean(WebPubSubConnectionDetails.class)
@EnableConfigurationProperties({ WebPubSubFunctionsProperties.class, WebPubSubNegotiateProperties.class,
		WebPubSubClientProperties.class })
public final class WebPubSubNegotiateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClientAccessTokens clientAccessTokens(WebPubSubConnections connections,
			ObjectProvider<ClientTokenService> clientTokenService) {
		return new ClientAccessTokens(connections, clientTokenService.getIfAvailable(() -> (connection, options) -> Mono
			.error(new IllegalStateException("Connection '" + connection.name() + "' is identity-based and gets client "
					+ "tokens from the service over WebClient: add org.springframework.boot:spring-boot-starter-webclient "
					+ "or declare a ClientTokenService bean"))));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientTokenServiceConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ClientTokenService webPubSubClientTokenService(WebPubSubConnections connections,
				ObjectProvider<ReactiveWebPubSubTemplate> template, WebPubSubClientProperties clientProperties,
				ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<JsonMapper> jsonMapper,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			ReactiveWebPubSubTemplate serviceTemplate = template.getIfUnique(() -> WebPubSubTemplateAutoConfiguration
				.template(null, connections, clientProperties, webClientBuilder, jsonMapper, observationRegistry));
			return (connection, options) -> serviceTemplate.connection(connection).generateClientToken(options);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@ConditionalOnBooleanProperty(name = "webpubsub.negotiate.enabled", matchIfMissing = true)
	@Import({ ServletNegotiateEndpointConfiguration.class, ReactiveNegotiateEndpointConfiguration.class })
	static class NegotiateEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WebPubSubUserIdResolver webPubSubUserIdResolver() {
			return WebPubSubUserIdResolver.principalName();
		}

		@Bean
		@ConditionalOnMissingBean
		NegotiatePolicy webPubSubNegotiatePolicy(WebPubSubFunctionsProperties functionsProperties,
				WebPubSubNegotiateProperties properties, WebPubSubUserIdResolver userIdResolver,
				ObjectProvider<WebPubSubHubs> hubs, ObjectProvider<NegotiateTokenCustomizer> customizers) {
			List<NegotiateTokenCustomizer> allCustomizers = new ArrayList<>();
			allCustomizers.add(propertiesCustomizer(properties));
			customizers.orderedStream().forEach(allCustomizers::add);
			String defaultHub = functionsProperties.getWebPubSubHub();
			if (defaultHub != null) {
				HubName.requireValid(defaultHub, "WebPubSubHub");
			}
			Set<String> configuredHubs = Set.copyOf(properties.getHubs());
			configuredHubs.forEach((hub) -> HubName.requireValid(hub, "webpubsub.negotiate.hubs"));
			return new NegotiatePolicy(defaultHub, () -> {
				Set<String> served = new LinkedHashSet<>(configuredHubs);
				hubs.orderedStream().forEach((contributor) -> served.addAll(contributor.getHubs()));
				return served;
			}, userIdResolver, allCustomizers);
		}

		private static NegotiateTokenCustomizer propertiesCustomizer(WebPubSubNegotiateProperties properties) {
			List<String> roles = List.copyOf(properties.getRoles());
			List<String> groups = List.copyOf(properties.getGroups());
			return (request, options) -> options.withRoles(roles)
				.withGroups(groups)
				.withLifetime(properties.getTokenTimeToLive())
				.withProtocol(properties.getClientProtocol());
		}

	}

}
