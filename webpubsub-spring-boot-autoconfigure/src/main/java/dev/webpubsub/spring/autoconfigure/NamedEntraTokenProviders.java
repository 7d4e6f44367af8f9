package dev.webpubsub.spring.autoconfigure;

import dev.webpubsub.spring.connection.EntraTokenProvider;

/**
 * Builds the Entra ID token source of a named identity-based connection.
 *
 * @author Web PubSub for Spring Boot team
 */
@FunctionalInterface
interface NamedEntraTokenProviders {

	/**
	 * Returns the token source for the given connection settings.
	 * @param settings the settings of an identity-based connection
	 * @return the token source
	 */
	EntraTokenProvider forSettings(ConnectionSettings settings);

}
