package dev.webpubsub.spring.autoconfigure;

import java.util.Optional;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import org.springframework.beans.factory.ListableBeanFactory;

import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.connection.TokenCredentialEntraTokenProvider;

/**
 * Builds the azure-identity credential of an identity-based connection from the Azure Functions identity keys:
 * {@code credential=managedidentity} (with {@code clientId} or {@code managedIdentityResourceId} for a
 * user-assigned identity), {@code tenantId} + {@code clientId} + {@code clientSecret} for a service principal,
 * otherwise {@code DefaultAzureCredential}.
 *
 * @author Web PubSub for Spring Boot team
 */
final class IdentityCredentials {

	static final String TOKEN_CREDENTIAL_BEAN_NAME = "webPubSubTokenCredential";

	private IdentityCredentials() {
	}

	/**
	 * Returns the token source of a named identity-based connection: the application's own credential, which wins
	 * for every connection, or one built from the connection's identity keys. The credential that the
	 * auto-configuration builds belongs to the default connection, so named connections do not share it.
	 */
	static EntraTokenProvider entraTokens(ListableBeanFactory beanFactory, ConnectionSettings settings) {
		return new TokenCredentialEntraTokenProvider(
				userTokenCredential(beanFactory).orElseGet(() -> create(settings)));
	}

	private static Optional<TokenCredential> userTokenCredential(ListableBeanFactory beanFactory) {
		String[] names = beanFactory.getBeanNamesForType(TokenCredential.class);
		if (names.length != 1 || TOKEN_CREDENTIAL_BEAN_NAME.equals(names[0])) {
			return Optional.empty();
		}
		return Optional.of(beanFactory.getBean(names[0], TokenCredential.class));
	}

	static TokenCredential create(ConnectionSettings settings) {
		if (!(settings instanceof ConnectionSettings.Identity identity)) {
			return new DefaultAzureCredentialBuilder().build();
		}
		if ("managedidentity".equalsIgnoreCase(identity.credential())) {
			ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
			if (identity.clientId() != null) {
				builder.clientId(identity.clientId());
			}
			else if (identity.managedIdentityResourceId() != null) {
				builder.resourceId(identity.managedIdentityResourceId());
			}
			return builder.build();
		}
		if (identity.tenantId() != null && identity.clientId() != null && identity.clientSecret() != null) {
			return new ClientSecretCredentialBuilder().tenantId(identity.tenantId())
				.clientId(identity.clientId())
				.clientSecret(identity.clientSecret())
				.build();
		}
		DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
		if (identity.clientId() != null) {
			builder.managedIdentityClientId(identity.clientId());
		}
		if (identity.tenantId() != null) {
			builder.tenantId(identity.tenantId());
		}
		return builder.build();
	}

}
