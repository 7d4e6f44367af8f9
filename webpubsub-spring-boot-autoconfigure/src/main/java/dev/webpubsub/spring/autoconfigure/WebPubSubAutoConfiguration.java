package dev.webpubsub.spring.autoconfigure;

import java.util.Optional;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import org.springframework.beans.factory.ListableBeanFactory;
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
	@ConditionalOnMissingBean(WebPubSubConnections.class)
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

		private static final String TOKEN_CREDENTIAL_BEAN_NAME = "webPubSubTokenCredential";

		@Bean(TOKEN_CREDENTIAL_BEAN_NAME)
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
		NamedEntraTokenProviders webPubSubNamedEntraTokenProviders(ListableBeanFactory beanFactory) {
			return (settings) -> new TokenCredentialEntraTokenProvider(
					userTokenCredential(beanFactory).orElseGet(() -> IdentityCredentials.create(settings)));
		}

		/**
		 * Returns the application's own credential, which wins for every connection. The credential this
		 * configuration builds belongs to the default connection, so named connections build theirs from their
		 * own identity keys.
		 */
		private static Optional<TokenCredential> userTokenCredential(ListableBeanFactory beanFactory) {
			String[] names = beanFactory.getBeanNamesForType(TokenCredential.class);
			if (names.length != 1 || TOKEN_CREDENTIAL_BEAN_NAME.equals(names[0])) {
				return Optional.empty();
			}
			return Optional.of(beanFactory.getBean(names[0], TokenCredential.class));
		}

	}

}
