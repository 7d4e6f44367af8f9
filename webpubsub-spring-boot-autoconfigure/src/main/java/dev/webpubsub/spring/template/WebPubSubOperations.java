package dev.webpubsub.spring.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.webpubsub.spring.connection.HubName;
import dev.webpubsub.spring.token.ClientAccessOptions;

/**
 * Blocking operations of the Web PubSub REST API on one hub of one connection. Arguments are checked first
 * ({@link IllegalArgumentException} naming the argument); transient failures are retried, and a method returns
 * only when the operation succeeded, or throws {@link WebPubSubException} when its last attempt failed. Nothing is
 * dropped silently.
 *
 * @author Web PubSub for Spring Boot team
 * @see WebPubSubTemplate
 * @see WebPubSubOperations
 */
public interface WebPubSubOperations {

	/**
	 * Returns operations on the given hub of the same connection.
	 * @param hub the hub, a valid {@link HubName}
	 * @return the hub-scoped operations
	 */
	WebPubSubOperations hub(String hub);

	/**
	 * Returns operations on the named connection (a connection string or identity-based setting with that name),
	 * on the same hub.
	 * @param name the connection setting name, such as {@code OtherConnection}
	 * @return the operations of that connection
	 * @throws IllegalStateException if nothing is configured under that name
	 */
	WebPubSubOperations connection(String name);

	/**
	 * Returns the hub that operations act on.
	 * @return the hub, or {@code null} when neither {@code WebPubSubHub} nor {@link #hub(String)} set one
	 */
	@Nullable String getHub();

	/**
	 * Sends a message to every connection of the hub.
	 * @param message the message
	 */
	default void sendToAll(WebPubSubMessage message) {
		sendToAll(message, SendOptions.none());
	}

	/**
	 * Sends a message to every connection of the hub that the options select.
	 * @param message the message
	 * @param options excluded connections, filter and time to live
	 */
	void sendToAll(WebPubSubMessage message, SendOptions options);

	/**
	 * Sends a message to every connection in a group.
	 * @param group the group
	 * @param message the message
	 */
	default void sendToGroup(String group, WebPubSubMessage message) {
		sendToGroup(group, message, SendOptions.none());
	}

	/**
	 * Sends a message to the connections in a group that the options select.
	 * @param group the group
	 * @param message the message
	 * @param options excluded connections, filter and time to live
	 */
	void sendToGroup(String group, WebPubSubMessage message, SendOptions options);

	/**
	 * Sends a message to every connection of a user.
	 * @param userId the user id
	 * @param message the message
	 */
	default void sendToUser(String userId, WebPubSubMessage message) {
		sendToUser(userId, message, SendOptions.none());
	}

	/**
	 * Sends a message to the connections of a user that the options select.
	 * @param userId the user id
	 * @param message the message
	 * @param options filter and time to live (excluded connections are not supported)
	 */
	void sendToUser(String userId, WebPubSubMessage message, SendOptions options);

	/**
	 * Sends a message to one connection.
	 * @param connectionId the connection id
	 * @param message the message
	 */
	default void sendToConnection(String connectionId, WebPubSubMessage message) {
		sendToConnection(connectionId, message, SendOptions.none());
	}

	/**
	 * Sends a message to one connection.
	 * @param connectionId the connection id
	 * @param message the message
	 * @param options time to live (excluded connections and filter are not supported)
	 */
	void sendToConnection(String connectionId, WebPubSubMessage message, SendOptions options);

	/**
	 * Adds a connection to a group.
	 * @param group the group
	 * @param connectionId the connection id
	 */
	void addConnectionToGroup(String group, String connectionId);

	/**
	 * Removes a connection from a group.
	 * @param group the group
	 * @param connectionId the connection id
	 */
	void removeConnectionFromGroup(String group, String connectionId);

	/**
	 * Removes a connection from every group it is in.
	 * @param connectionId the connection id
	 */
	void removeConnectionFromAllGroups(String connectionId);

	/**
	 * Adds the connections that an OData filter selects to groups.
	 * @param groups the groups
	 * @param filter the filter, such as {@code userId eq 'alice'}
	 */
	void addConnectionsToGroups(List<String> groups, String filter);

	/**
	 * Removes the connections that an OData filter selects from groups.
	 * @param groups the groups
	 * @param filter the filter, such as {@code userId eq 'alice'}
	 */
	void removeConnectionsFromGroups(List<String> groups, String filter);

	/**
	 * Adds the connections of a user, present and future, to a group.
	 * @param group the group
	 * @param userId the user id
	 */
	void addUserToGroup(String group, String userId);

	/**
	 * Removes the connections of a user from a group.
	 * @param group the group
	 * @param userId the user id
	 */
	void removeUserFromGroup(String group, String userId);

	/**
	 * Removes the connections of a user from every group.
	 * @param userId the user id
	 */
	void removeUserFromAllGroups(String userId);

	/**
	 * Closes one connection.
	 * @param connectionId the connection id
	 * @param reason the reason given to the client, or {@code null}
	 */
	void closeConnection(String connectionId, @Nullable String reason);

	/**
	 * Closes every connection of the hub.
	 * @param excluded ids of connections that stay open
	 * @param reason the reason given to the clients, or {@code null}
	 */
	void closeAllConnections(List<String> excluded, @Nullable String reason);

	/**
	 * Closes every connection in a group.
	 * @param group the group
	 * @param excluded ids of connections that stay open
	 * @param reason the reason given to the clients, or {@code null}
	 */
	void closeGroupConnections(String group, List<String> excluded, @Nullable String reason);

	/**
	 * Closes every connection of a user.
	 * @param userId the user id
	 * @param excluded ids of connections that stay open
	 * @param reason the reason given to the clients, or {@code null}
	 */
	void closeUserConnections(String userId, List<String> excluded, @Nullable String reason);

	/**
	 * Grants a permission to a connection.
	 * @param permission the permission
	 * @param connectionId the connection id
	 * @param targetName the group the permission is for, or {@code null} for every group
	 */
	void grantPermission(WebPubSubPermission permission, String connectionId, @Nullable String targetName);

	/**
	 * Revokes a permission of a connection.
	 * @param permission the permission
	 * @param connectionId the connection id
	 * @param targetName the group the permission is for, or {@code null} for every group
	 */
	void revokePermission(WebPubSubPermission permission, String connectionId, @Nullable String targetName);

	/**
	 * Checks whether a connection has a permission.
	 * @param permission the permission
	 * @param connectionId the connection id
	 * @param targetName the group the permission is for, or {@code null} for every group
	 * @return {@code true} if the connection has it
	 */
	boolean checkPermission(WebPubSubPermission permission, String connectionId, @Nullable String targetName);

	/**
	 * Checks whether a connection exists.
	 * @param connectionId the connection id
	 * @return {@code true} if it is connected
	 */
	boolean connectionExists(String connectionId);

	/**
	 * Checks whether a group has any connection.
	 * @param group the group
	 * @return {@code true} if at least one connection is in the group
	 */
	boolean groupExists(String group);

	/**
	 * Checks whether a user has any connection.
	 * @param userId the user id
	 * @return {@code true} if the user is connected
	 */
	boolean userExists(String userId);

	/**
	 * Lists the connections in a group, following the service's pages.
	 * @param group the group
	 * @return the connections
	 */
	default List<WebPubSubGroupMember> listConnectionsInGroup(String group) {
		return listConnectionsInGroup(group, null, null);
	}

	/**
	 * Lists the connections in a group, following the service's pages.
	 * @param group the group
	 * @param maxPageSize how many connections one page holds at most (1-200, {@code maxpagesize}), or
	 * {@code null} for the service's default
	 * @param top how many connections to list at most (at least 1, {@code top}), or {@code null} for all
	 * @return the connections
	 */
	List<WebPubSubGroupMember> listConnectionsInGroup(String group, @Nullable Integer maxPageSize,
			@Nullable Integer top);

	/**
	 * Asks the service to generate a client access token ({@code :generateToken}), which works for
	 * identity-based connections too. The token is for the hub of the options, whatever hub these operations are
	 * scoped to; a lifetime is counted in whole minutes, at least one.
	 * @param options what the token grants
	 * @return the token
	 */
	String generateClientToken(ClientAccessOptions options);

	/**
	 * Checks that the service is available ({@code HEAD /api/health}), with a single attempt.
	 * @throws WebPubSubException if the service does not answer 200
	 */
	void checkHealth();

	/**
	 * Executes an Azure Functions output action on this hub.
	 * @param action the action
	 */
	void send(WebPubSubAction action);

	/**
	 * Executes output actions on this hub one after the other, in order, stopping at the first failure.
	 * @param actions the actions
	 */
	void send(List<? extends WebPubSubAction> actions);

}
