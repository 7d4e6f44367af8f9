package dev.webpubsub.spring.template;

import java.net.URI;

import reactor.core.publisher.Mono;

/**
 * Source of the bearer token of one REST request of one connection.
 *
 * @author Web PubSub for Spring Boot team
 */
@FunctionalInterface
interface RequestAuthenticator {

	/**
	 * Returns the bearer token for a request.
	 * @param url the full request URL, query included
	 * @return the token, without the {@code Bearer } prefix
	 */
	Mono<String> bearerToken(URI url);

}
