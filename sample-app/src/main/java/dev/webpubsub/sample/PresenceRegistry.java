package dev.webpubsub.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Who is online, kept in memory from the {@code connected} and {@code disconnected} events.
 * <p>
 * This works for one instance of the application only: the service spreads a hub's events over every instance,
 * so each would see a part of the users. An application that scales out keeps presence in a shared store (a
 * database or a cache with per-connection entries that expire), or asks the service itself through
 * {@code WebPubSubTemplate.userExists} and group membership instead of keeping a list.
 */
final class PresenceRegistry {

	private final Map<String, String> userByConnection = new HashMap<>();

	/**
	 * Records a new connection of a user and publishes the users online.
	 * @param connectionId the connection id
	 * @param userId the user id of the connection
	 * @param publisher receives the sorted users online; called while the registry is locked, so that snapshots
	 * are published in the order the changes happened
	 */
	synchronized void connected(String connectionId, String userId, Consumer<List<String>> publisher) {
		this.userByConnection.put(connectionId, userId);
		publisher.accept(users());
	}

	/**
	 * Forgets a connection and publishes the users online. A user stays online while another of their
	 * connections (another tab) is open.
	 * @param connectionId the connection id
	 * @param publisher receives the sorted users online; called while the registry is locked
	 */
	synchronized void disconnected(String connectionId, Consumer<List<String>> publisher) {
		this.userByConnection.remove(connectionId);
		publisher.accept(users());
	}

	/**
	 * Returns the users online.
	 * @return distinct user ids, sorted
	 */
	synchronized List<String> users() {
		return this.userByConnection.values().stream().distinct().sorted().toList();
	}

}
