package dev.webpubsub.spring.autoconfigure;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.connection.TokenCredentialEntraTokenProvider;
import dev.webpubsub.spring.connection.WebPubSubConnections;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of Web PubSub connections: the
 * {@link WebPubSubConnectionDetails} of the default connection ({@code WebPubSubConnectionString}), the Entra ID
 * credential of an identity-based connection, and the {@link WebPubSubConnections} registry. Nothing that could
 * fail is created when no connection is configured.
 * <p>
 * The azure-core and azure-identity jars are signed: the first class loaded from them verifies their signatures,
 * which costs more start-up time than the rest of the starter. Their classes are therefore only touched when a
 * connection is identity-based: the credential beans of the default connection sit behind the identity condition,
 * and a named connection builds its credential when it is first resolved.
 *
 * @author Web PubSub for Spring Boot team
 */
@AutoConfiguration
@EnableConfigurationProperties(WebPubSubFunctionsProperties.class)
public final class WebPubSubAutoConfiguration {

	private static final String AZURE_IDENTITY_CLASS = "com.azure.identity.DefaultAzureCredentialBuilder";

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
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<WebPubSubConnectionDetails> connectionDetails,
			ObjectProvider<EntraTokenProvider> entraTokenProvider) {
		return new EnvironmentWebPubSubConnections(ConnectionSettingsResolver.of(environment),
				connectionDetails.getIfAvailable(), entraTokenProvider.getIfAvailable(), (settings) -> {
					if (!ClassUtils.isPresent(AZURE_IDENTITY_CLASS, beanFactory.getBeanClassLoader())) {
						throw new InvalidConnectionSettingException(settings.name(),
								"an identity-based connection needs com.azure:azure-identity on the classpath.");
					}
					return IdentityCredentials.entraTokens(beanFactory, settings);
				});
	}

	// Nested so that the azure classes of the inner conditions are only loaded for an identity-based connection.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebPubSubConnection(identityBased = true)
	static class IdentityConnectionConfiguration {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass({ TokenCredential.class, DefaultAzureCredentialBuilder.class })
		static class AzureIdentityConfiguration {

			@Bean(IdentityCredentials.TOKEN_CREDENTIAL_BEAN_NAME)
			@ConditionalOnMissingBean(TokenCredential.class)
			TokenCredential webPubSubTokenCredential(Environment environment) {
				return IdentityCredentials.create(ConnectionSettingsResolver.of(environment)
					.resolve(WebPubSubConnections.DEFAULT_NAME)
					.orElseThrow());
			}

			@Bean
			@ConditionalOnMissingBean(EntraTokenProvider.class)
			@ConditionalOnBean(TokenCredential.class)
			TokenCredentialEntraTokenProvider webPubSubEntraTokenProvider(
					ObjectProvider<TokenCredential> tokenCredential) {
				return new TokenCredentialEntraTokenProvider(tokenCredential.getObject());
			}

		}

	}

}
