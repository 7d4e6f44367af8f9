package dev.webpubsub.spring.connection;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One resolved connection to a Web PubSub service: its configuration name, endpoint, and either an access key or
 * a source of Entra ID tokens.
 *
 * @param name the configuration name, such as {@code WebPubSubConnectionString}
 * @param endpoint the http or https endpoint of the service, without a trailing slash
 * @param accessKey the access key, or {@code null} for an identity-based connection
 * @param entraTokens the Entra ID token source of an identity-based connection, or {@code null} when the
 * connection has an access key
 * @author Web PubSub for Spring Boot team
 */
public record WebPubSubConnection(String name, URI endpoint, @Nullable String accessKey,
		@Nullable EntraTokenProvider entraTokens) {

	/**
	 * Creates a connection, checking that it has exactly one way to authenticate.
	 */
	public WebPubSubConnection {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(endpoint, "'endpoint' must not be null");
		if ((accessKey == null) == (entraTokens == null)) {
			throw new IllegalArgumentException(
					"Connection '" + name + "' must have either an access key or an Entra ID token source");
		}
	}

	/**
	 * Creates an access-key connection.
	 * @param name the configuration name
	 * @param endpoint the endpoint
	 * @param accessKey the access key
	 * @return the connection
	 */
	public static WebPubSubConnection withAccessKey(String name, URI endpoint, String accessKey) {
		return new WebPubSubConnection(name, endpoint, accessKey, null);
	}

	/**
	 * Creates an identity-based (Entra ID) connection.
	 * @param name the configuration name
	 * @param endpoint the endpoint
	 * @param entraTokens the token source
	 * @return the connection
	 */
	public static WebPubSubConnection withEntraId(String name, URI endpoint, EntraTokenProvider entraTokens) {
		return new WebPubSubConnection(name, endpoint, null, entraTokens);
	}

	/**
	 * Whether this connection authenticates with Entra ID rather than an access key.
	 * @return {@code true} for an identity-based connection
	 */
	public boolean isIdentityBased() {
		return this.accessKey == null;
	}

	/**
	 * Returns the host of the endpoint, which the service sends as {@code WebHook-Request-Origin}.
	 * @return the host name, without port
	 */
	public String host() {
		return Objects.requireNonNull(this.endpoint.getHost());
	}

	@Override
	public String toString() {
		return "WebPubSubConnection[name=" + this.name + ", endpoint=" + this.endpoint + ", auth="
				+ (isIdentityBased() ? "Entra ID" : "access key") + "]";
	}

}
