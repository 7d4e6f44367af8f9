package dev.webpubsub.spring.autoconfigure;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;

/**
 * Builds the azure-identity credential of an identity-based connection from the Azure Functions identity keys:
 * {@code credential=managedidentity} (with {@code clientId} or {@code managedIdentityResourceId} for a
 * user-assigned identity), {@code tenantId} + {@code clientId} + {@code clientSecret} for a service principal,
 * otherwise {@code DefaultAzureCredential}.
 *
 * @author Web PubSub for Spring Boot team
 */
final class IdentityCredentials {

	private IdentityCredentials() {
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
