package dev.webpubsub.spring.token;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Turns a negotiate request into the options of its client access token. The hub is the {@code hub} query
 * parameter, which must name a hub the application serves (compared ignoring case), or else the default hub. The
 * user id comes from the {@link WebPubSubUserIdResolver}; roles, groups, lifetime and protocol come from the
 * customizers, never from the client.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class NegotiatePolicy {

	/**
	 * Name of the query parameter that selects the hub.
	 */
	public static final String HUB_PARAMETER = "hub";

	private final @Nullable String defaultHub;

	private final Supplier<? extends Collection<String>> servedHubs;

	private final WebPubSubUserIdResolver userIdResolver;

	private final List<NegotiateTokenCustomizer> customizers;

	/**
	 * Creates a policy.
	 * @param defaultHub the hub of requests without {@code hub} parameter, or {@code null} to require the parameter
	 * @param servedHubs the hubs besides the default one that requests may name
	 * @param userIdResolver decides the user id
	 * @param customizers adjust the options, in order
	 */
	public NegotiatePolicy(@Nullable String defaultHub, Supplier<? extends Collection<String>> servedHubs,
			WebPubSubUserIdResolver userIdResolver, List<NegotiateTokenCustomizer> customizers) {
		this.defaultHub = defaultHub;
		this.servedHubs = servedHubs;
		this.userIdResolver = userIdResolver;
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Returns the options of the token for a request.
	 * @param request the request
	 * @return the options
	 * @throws InvalidNegotiateRequestException if the request names no hub or one the application does not serve
	 */
	public ClientAccessOptions apply(NegotiateRequest request) {
		String hub = hub(request);
		String userId = this.userIdResolver.resolveUserId(request).filter((id) -> !id.isBlank()).orElse(null);
		ClientAccessOptions options = ClientAccessOptions.forHub(hub).withUserId(userId);
		for (NegotiateTokenCustomizer customizer : this.customizers) {
			options = Objects.requireNonNull(customizer.customize(request, options),
					() -> customizer + " returned null");
		}
		return options;
	}

	private String hub(NegotiateRequest request) {
		List<String> requested = request.queryParameters().get(HUB_PARAMETER);
		if (requested == null || requested.isEmpty()) {
			if (this.defaultHub == null) {
				throw new InvalidNegotiateRequestException("Parameter 'hub' is required");
			}
			return this.defaultHub;
		}
		if (requested.size() > 1) {
			throw new InvalidNegotiateRequestException("Parameter 'hub' must be given once");
		}
		String hub = requested.get(0);
		if (this.defaultHub != null && this.defaultHub.equalsIgnoreCase(hub)) {
			return this.defaultHub;
		}
		for (String served : this.servedHubs.get()) {
			if (served.equalsIgnoreCase(hub)) {
				return served;
			}
		}
		throw new InvalidNegotiateRequestException("Parameter 'hub' does not name a hub of this application");
	}

}
