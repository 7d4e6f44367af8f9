package dev.webpubsub.spring.token;

/**
 * Adjusts the client access token of one negotiate request, for example to grant roles or groups that depend on
 * the authenticated user. Customizers run in order after the {@code webpubsub.negotiate.*} properties have been
 * applied; they must derive what they grant from trusted state (the principal, the application's data), never
 * from the client's query parameters or headers.
 *
 * @author Web PubSub for Spring Boot team
 */
@FunctionalInterface
public interface NegotiateTokenCustomizer {

	/**
	 * Returns the options the request's token grants.
	 * @param request the negotiate request
	 * @param options the options so far: hub, user id, and the configured roles, groups, lifetime and protocol
	 * @return the options to use, typically derived with the {@code with...} methods of {@code options}
	 */
	ClientAccessOptions customize(NegotiateRequest request, ClientAccessOptions options);

}
