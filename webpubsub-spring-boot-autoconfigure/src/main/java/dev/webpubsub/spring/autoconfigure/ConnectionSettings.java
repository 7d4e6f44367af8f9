package dev.webpubsub.spring.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.webpubsub.spring.connection.ConnectionString;

/**
 * What one connection setting holds: a connection string, or the keys of an identity-based connection.
 *
 * @author Web PubSub for Spring Boot team
 */
sealed interface ConnectionSettings {

	/**
	 * Returns the setting name.
	 * @return the name
	 */
	String name();

	/**
	 * Returns the endpoint.
	 * @return the endpoint
	 */
	URI endpoint();

	/**
	 * A connection string value. Without an access key it is identity-based with the default credential.
	 *
	 * @param name the setting name
	 * @param connectionString the parsed connection string
	 */
	record Value(String name, ConnectionString connectionString) implements ConnectionSettings {

		@Override
		public URI endpoint() {
			return this.connectionString.endpoint();
		}

	}

	/**
	 * An identity-based connection ({@code <name>.serviceUri}) with the Azure Functions identity keys.
	 *
	 * @param name the setting name
	 * @param endpoint the service URI
	 * @param credential the credential kind, {@code managedidentity} or {@code null}
	 * @param clientId the client id of a user-assigned managed identity or an app registration
	 * @param managedIdentityResourceId the resource id of a user-assigned managed identity
	 * @param tenantId the tenant of a client-secret credential
	 * @param clientSecret the secret of a client-secret credential
	 */
	record Identity(String name, URI endpoint, @Nullable String credential, @Nullable String clientId,
			@Nullable String managedIdentityResourceId, @Nullable String tenantId,
			@Nullable String clientSecret) implements ConnectionSettings {

		@Override
		public String toString() {
			return "Identity[name=" + this.name + ", endpoint=" + this.endpoint + ", credential=" + this.credential
					+ ", clientId=" + this.clientId + ", tenantId=" + this.tenantId + "]";
		}

	}

}
