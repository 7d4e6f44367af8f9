package dev.webpubsub.spring.token;

import reactor.core.publisher.Mono;

import dev.webpubsub.spring.connection.WebPubSubConnection;

/**
 * Asks the Web PubSub service for a client access token ({@code POST /api/hubs/{hub}/:generateToken}), which is how
 * {@link ClientAccessTokens} serves identity-based connections that have no key to sign with. The auto-configured
 * implementation calls the REST API through the application's {@code ReactiveWebPubSubTemplate}, so the call is
 * authenticated, retried and observed like every other operation.
 *
 * @author Web PubSub for Spring Boot team
 */
@FunctionalInterface
public interface ClientTokenService {

	/**
	 * Asks the service of the given connection for a client access token.
	 * @param connection the identity-based connection
	 * @param options what the token grants
	 * @return the token (a compact JWT), or an error when the service call fails
	 */
	Mono<String> generateClientToken(WebPubSubConnection connection, ClientAccessOptions options);

}
