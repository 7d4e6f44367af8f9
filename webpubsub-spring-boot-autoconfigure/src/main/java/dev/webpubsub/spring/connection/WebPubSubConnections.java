package dev.webpubsub.spring.connection;

import java.util.Collection;
import java.util.Optional;

/**
 * The Web PubSub connections of an application: the default one (setting {@value #DEFAULT_NAME}) and any named
 * connection, resolved by name with the rules of the Azure Functions extension.
 *
 * @author Web PubSub for Spring Boot team
 */
public interface WebPubSubConnections {

	/**
	 * Name of the default connection setting.
	 */
	String DEFAULT_NAME = "WebPubSubConnectionString";

	/**
	 * Returns the connection with the given setting name, if it is configured.
	 * @param name the setting name, such as {@value #DEFAULT_NAME} or any other name
	 * @return the connection, or empty when nothing is configured under that name
	 * @throws InvalidConnectionStringException if the setting holds a malformed connection string
	 */
	Optional<WebPubSubConnection> find(String name);

	/**
	 * Returns the connection with the given setting name.
	 * @param name the setting name
	 * @return the connection
	 * @throws IllegalStateException if nothing is configured under that name
	 */
	default WebPubSubConnection get(String name) {
		return find(name).orElseThrow(() -> new IllegalStateException("No Web PubSub connection is configured under '"
				+ name + "'. Set '" + name + "' to a connection string, or '" + name
				+ ".serviceUri' to the service endpoint for an identity-based connection."));
	}

	/**
	 * Returns the default connection.
	 * @return the default connection
	 * @throws IllegalStateException if it is not configured
	 */
	default WebPubSubConnection getDefault() {
		return get(DEFAULT_NAME);
	}

	/**
	 * Returns every connection resolved so far: the default one and the named ones that were asked for.
	 * @return the connections
	 */
	Collection<WebPubSubConnection> all();

}
