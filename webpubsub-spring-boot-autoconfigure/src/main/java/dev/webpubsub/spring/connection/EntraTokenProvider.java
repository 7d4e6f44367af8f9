package dev.webpubsub.spring.connection;

import reactor.core.publisher.Mono;

/**
 * Source of Microsoft Entra ID bearer tokens for the Web PubSub data plane (scope
 * {@value #SCOPE}). Implementations cache tokens until shortly before they expire.
 *
 * @author Web PubSub for Spring Boot team
 * @see TokenCredentialEntraTokenProvider
 */
@FunctionalInterface
public interface EntraTokenProvider {

	/**
	 * Scope of the tokens that the Web PubSub REST API accepts.
	 */
	String SCOPE = "https://webpubsub.azure.com/.default";

	/**
	 * Returns a bearer token for {@link #SCOPE}.
	 * @return the token, without the {@code Bearer } prefix
	 */
	Mono<String> getToken();

}
