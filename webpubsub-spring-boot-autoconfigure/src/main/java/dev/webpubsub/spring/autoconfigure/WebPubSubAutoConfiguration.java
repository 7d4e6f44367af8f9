package dev.webpubsub.spring.autoconfigure;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.connection.TokenCredentialEntraTokenProvider;
import dev.webpubsub.spring.connection.WebPubSubConnections;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of Web PubSub connections: the
 * {@link WebPubSubConnectionDetails} of the default connection ({@code WebPubSubConnectionString}), the Entra ID
 * credential of an identity-based connection, and the {@link WebPubSubConnections} registry. Nothing that could
 * fail is created when no connection is configured.
 *
 * @author Web PubSub for Spring Boot team
 */
@AutoConfiguration
@EnableConfigurationProperties(WebPubSubFunctionsProperties.class)
public final class WebPubSubAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(WebPubSubConnectionDetails.class)
	@ConditionalOnWebPubSubConnection
	PropertiesWebPubSubConnectionDetails webPubSubConnectionDetails(Environment environment) {
		return new PropertiesWebPubSubConnectionDetails(
				ConnectionSettingsResolver.of(environment).resolve(WebPubSubConnections.DEFAULT_NAME).orElseThrow());
	}

	@Bean
	@ConditionalOnMissingBean
	EnvironmentWebPubSubConnections webPubSubConnections(Environment environment,
			ObjectProvider<WebPubSubConnectionDetails> connectionDetails,
			ObjectProvider<EntraTokenProvider> entraTokenProvider,
			ObjectProvider<NamedEntraTokenProviders> namedEntraTokenProviders) {
		NamedEntraTokenProviders named = namedEntraTokenProviders.getIfAvailable(() -> (settings) -> {
			throw new InvalidConnectionSettingException(settings.name(),
					"an identity-based connection needs com.azure:azure-identity on the classpath.");
		});
		return new EnvironmentWebPubSubConnections(ConnectionSettingsResolver.of(environment),
				connectionDetails.getIfAvailable(), entraTokenProvider.getIfAvailable(), named::forSettings);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TokenCredential.class, DefaultAzureCredentialBuilder.class })
	static class AzureIdentityConfiguration {

		@Bean
		@ConditionalOnMissingBean(TokenCredential.class)
		@ConditionalOnWebPubSubConnection(identityBased = true)
		TokenCredential webPubSubTokenCredential(Environment environment) {
			return IdentityCredentials.create(
					ConnectionSettingsResolver.of(environment).resolve(WebPubSubConnections.DEFAULT_NAME).orElseThrow());
		}

		@Bean
		@ConditionalOnMissingBean(EntraTokenProvider.class)
		@ConditionalOnBean(TokenCredential.class)
		TokenCredentialEntraTokenProvider webPubSubEntraTokenProvider(ObjectProvider<TokenCredential> tokenCredential) {
			return new TokenCredentialEntraTokenProvider(tokenCredential.getObject());
		}

		@Bean
		NamedEntraTokenProviders webPubSubNamedEntraTokenProviders(ObjectProvider<TokenCredential> tokenCredential) {
			return (settings) -> new TokenCredentialEntraTokenProvider(
					tokenCredential.getIfUnique(() -> IdentityCredentials.create(settings)));
		}

	}

}
