package dev.webpubsub.spring.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.webpubsub.spring.connection.HubName;

/**
 * What a client access token grants: the hub, the user, the roles (permissions), the groups joined at connect, the
 * lifetime and the client protocol. Instances are immutable; the {@code with...} methods return copies.
 *
 * @param hub the hub, a valid {@link HubName}
 * @param userId the user id ({@code sub} claim), or {@code null} for an anonymous connection
 * @param roles the roles, such as {@code webpubsub.joinLeaveGroup}
 * @param groups the groups the connection joins when it connects
 * @param lifetime how long the token is valid, positive
 * @param protocol the client protocol, which selects the client endpoint
 * @author Web PubSub for Spring Boot team
 */
public record ClientAccessOptions(String hub, @Nullable String userId, List<String> roles, List<String> groups,
		Duration lifetime, ClientProtocol protocol) {

	/**
	 * Default token lifetime, as in the service's SDKs and the Azure Functions extension.
	 */
	public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);

	/**
	 * Creates options, validating every argument.
	 * @throws IllegalArgumentException naming the argument that is invalid
	 */
	public ClientAccessOptions {
		HubName.requireValid(hub, "hub");
		if (userId != null && userId.isEmpty()) {
			throw new IllegalArgumentException("'userId' must not be empty; use null for an anonymous connection");
		}
		roles = copyOf("roles", roles);
		groups = copyOf("groups", groups);
		Objects.requireNonNull(lifetime, "'lifetime' must not be null");
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("'lifetime' must be positive");
		}
		Objects.requireNonNull(protocol, "'protocol' must not be null");
	}

	/**
	 * Creates options for an anonymous connection to the given hub with no roles and no groups, the default
	 * lifetime and the default protocol.
	 * @param hub the hub
	 * @return the options
	 */
	public static ClientAccessOptions forHub(String hub) {
		return new ClientAccessOptions(hub, null, List.of(), List.of(), DEFAULT_LIFETIME, ClientProtocol.DEFAULT);
	}

	private static List<String> copyOf(String name, @Nullable Collection<String> values) {
		Objects.requireNonNull(values, () -> "'" + name + "' must not be null");
		for (String value : values) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException("'" + name + "' must not contain null or blank values");
			}
		}
		return List.copyOf(values);
	}

	/**
	 * Returns a copy for another hub.
	 * @param hub the hub
	 * @return the new options
	 */
	public ClientAccessOptions withHub(String hub) {
		return new ClientAccessOptions(hub, this.userId, this.roles, this.groups, this.lifetime, this.protocol);
	}

	/**
	 * Returns a copy for the given user.
	 * @param userId the user id, or {@code null} for an anonymous connection
	 * @return the new options
	 */
	public ClientAccessOptions withUserId(@Nullable String userId) {
		return new ClientAccessOptions(this.hub, userId, this.roles, this.groups, this.lifetime, this.protocol);
	}

	/**
	 * Returns a copy with the given roles.
	 * @param roles the roles
	 * @return the new options
	 */
	public ClientAccessOptions withRoles(Collection<String> roles) {
		return new ClientAccessOptions(this.hub, this.userId, new ArrayList<>(roles), this.groups, this.lifetime,
				this.protocol);
	}

	/**
	 * Returns a copy with the given groups.
	 * @param groups the groups joined at connect
	 * @return the new options
	 */
	public ClientAccessOptions withGroups(Collection<String> groups) {
		return new ClientAccessOptions(this.hub, this.userId, this.roles, new ArrayList<>(groups), this.lifetime,
				this.protocol);
	}

	/**
	 * Returns a copy with the given lifetime.
	 * @param lifetime how long the token is valid
	 * @return the new options
	 */
	public ClientAccessOptions withLifetime(Duration lifetime) {
		return new ClientAccessOptions(this.hub, this.userId, this.roles, this.groups, lifetime, this.protocol);
	}

	/**
	 * Returns a copy for the given client protocol.
	 * @param protocol the protocol
	 * @return the new options
	 */
	public ClientAccessOptions withProtocol(ClientProtocol protocol) {
		return new ClientAccessOptions(this.hub, this.userId, this.roles, this.groups, this.lifetime, protocol);
	}

}
