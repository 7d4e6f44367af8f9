package dev.webpubsub.spring.token;

import java.security.Principal;
import java.util.Optional;

/**
 * Decides the user id of the token that a negotiate request gets. The default uses the name of the authenticated
 * {@link Principal} and leaves anonymous requests without user id; an application that wants to trust a
 * client-supplied value (a demo reading the {@code userId} query parameter, for instance) declares its own bean.
 *
 * @author Web PubSub for Spring Boot team
 */
@FunctionalInterface
public interface WebPubSubUserIdResolver {

	/**
	 * Returns the user id for a negotiate request.
	 * @param request the request
	 * @return the user id, or empty for an anonymous connection
	 */
	Optional<String> resolveUserId(NegotiateRequest request);

	/**
	 * Returns the default resolver: the name of the authenticated principal. Spring Security's anonymous
	 * authentication counts as no principal.
	 * @return the resolver
	 */
	static WebPubSubUserIdResolver principalName() {
		return (request) -> Optional.ofNullable(request.principal())
			.filter((principal) -> !isAnonymous(principal))
			.map(Principal::getName)
			.filter((name) -> !name.isBlank());
	}

	private static boolean isAnonymous(Principal principal) {
		// Compared by name so that Spring Security stays optional.
		return "org.springframework.security.authentication.AnonymousAuthenticationToken"
			.equals(principal.getClass().getName());
	}

}
