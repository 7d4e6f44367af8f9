package dev.webpubsub.emulator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The connections of one hub, its groups and the group memberships of its users. Users keep their group
 * memberships while they have no connection, so a user's new connections join the user's groups.
 */
final class Hub {

	private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();

	private final Map<String, Set<ClientConnection>> groups = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> userGroups = new ConcurrentHashMap<>();

	@Nullable ClientConnection connection(String connectionId) {
		return this.connections.get(connectionId);
	}

	Collection<ClientConnection> connections() {
		return this.connections.values();
	}

	List<ClientConnection> userConnections(String userId) {
		return this.connections.values().stream().filter((connection) -> userId.equals(connection.userId())).toList();
	}

	Collection<ClientConnection> groupConnections(String group) {
		return this.groups.getOrDefault(group, Set.of());
	}

	boolean hasGroup(String group) {
		return !groupConnections(group).isEmpty();
	}

	/**
	 * Adds a connection that completed its handshake and joins it to the groups of its token, its connect
	 * response and its user.
	 * @param connection the connection
	 * @param groups the groups to join
	 */
	void add(ClientConnection connection, Collection<String> groups) {
		this.connections.put(connection.id(), connection);
		groups.forEach((group) -> join(connection, group));
		String userId = connection.userId();
		if (userId != null) {
			this.userGroups.getOrDefault(userId, Set.of()).forEach((group) -> join(connection, group));
		}
	}

	/**
	 * Removes a connection and its group memberships.
	 * @param connection the connection
	 * @return whether it was a member of this hub
	 */
	boolean remove(ClientConnection connection) {
		boolean removed = this.connections.remove(connection.id(), connection);
		for (String group : List.copyOf(connection.groups())) {
			leave(connection, group);
		}
		return removed;
	}

	void join(ClientConnection connection, String group) {
		this.groups.compute(group, (name, members) -> {
			Set<ClientConnection> result = (members != null) ? members : ConcurrentHashMap.newKeySet();
			if (!connection.isClosed()) {
				result.add(connection);
				connection.groups().add(group);
			}
			return result.isEmpty() ? null : result;
		});
	}

	void leave(ClientConnection connection, String group) {
		this.groups.computeIfPresent(group, (name, members) -> {
			members.remove(connection);
			connection.groups().remove(group);
			return members.isEmpty() ? null : members;
		});
	}

	void addUserToGroup(String userId, String group) {
		this.userGroups.computeIfAbsent(userId, (id) -> ConcurrentHashMap.newKeySet()).add(group);
		userConnections(userId).forEach((connection) -> join(connection, group));
	}

	void removeUserFromGroup(String userId, String group) {
		this.userGroups.computeIfPresent(userId, (id, groups) -> {
			groups.remove(group);
			return groups.isEmpty() ? null : groups;
		});
		userConnections(userId).forEach((connection) -> leave(connection, group));
	}

	void removeUserFromAllGroups(String userId) {
		this.userGroups.remove(userId);
		for (ClientConnection connection : userConnections(userId)) {
			List.copyOf(connection.groups()).forEach((group) -> leave(connection, group));
		}
	}

	void removeFromAllGroups(ClientConnection connection) {
		List.copyOf(connection.groups()).forEach((group) -> leave(connection, group));
	}

}
