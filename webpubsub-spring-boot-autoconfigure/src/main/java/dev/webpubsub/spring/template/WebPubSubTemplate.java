package dev.webpubsub.spring.template;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.webpubsub.spring.token.ClientAccessOptions;

/**
 * {@link WebPubSubOperations} that block on {@link ReactiveWebPubSubOperations}. A call waits for the whole
 * operation, retries included; each attempt is bounded by the reactive template's timeout
 * ({@code webpubsub.client.timeout}), so a call returns or throws after at most all attempts and their back-off
 * delays. Must not be called on a thread that may not block (such as a Netty event loop).
 *
 * @author Web PubSub for Spring Boot team
 */
public final class WebPubSubTemplate implements WebPubSubOperations {

	private final ReactiveWebPubSubOperations reactive;

	/**
	 * Creates a template that blocks on the given reactive operations.
	 * @param reactive the reactive operations
	 */
	public WebPubSubTemplate(ReactiveWebPubSubOperations reactive) {
		this.reactive = RequestArguments.notNull("reactive", reactive);
	}

	/**
	 * Returns the reactive operations that this template blocks on.
	 * @return the reactive operations
	 */
	public ReactiveWebPubSubOperations reactive() {
		return this.reactive;
	}

	@Override
	public WebPubSubTemplate hub(String hub) {
		return new WebPubSubTemplate(this.reactive.hub(hub));
	}

	@Override
	public WebPubSubTemplate connection(String name) {
		return new WebPubSubTemplate(this.reactive.connection(name));
	}

	@Override
	public @Nullable String getHub() {
		return this.reactive.getHub();
	}

	@Override
	public void sendToAll(WebPubSubMessage message, SendOptions options) {
		await(this.reactive.sendToAll(message, options));
	}

	@Override
	public void sendToGroup(String group, WebPubSubMessage message, SendOptions options) {
		await(this.reactive.sendToGroup(group, message, options));
	}

	@Override
	public void sendToUser(String userId, WebPubSubMessage message, SendOptions options) {
		await(this.reactive.sendToUser(userId, message, options));
	}

	@Override
	public void sendToConnection(String connectionId, WebPubSubMessage message, SendOptions options) {
		await(this.reactive.sendToConnection(connectionId, message, options));
	}

	@Override
	public void addConnectionToGroup(String group, String connectionId) {
		await(this.reactive.addConnectionToGroup(group, connectionId));
	}

	@Override
	public void removeConnectionFromGroup(String group, String connectionId) {
		await(this.reactive.removeConnectionFromGroup(group, connectionId));
	}

	@Override
	public void removeConnectionFromAllGroups(String connectionId) {
		await(this.reactive.removeConnectionFromAllGroups(connectionId));
	}

	@Override
	public void addConnectionsToGroups(List<String> groups, String filter) {
		await(this.reactive.addConnectionsToGroups(groups, filter));
	}

	@Override
	public void removeConnectionsFromGroups(List<String> groups, String filter) {
		await(this.reactive.removeConnectionsFromGroups(groups, filter));
	}

	@Override
	public void addUserToGroup(String group, String userId) {
		await(this.reactive.addUserToGroup(group, userId));
	}

	@Override
	public void removeUserFromGroup(String group, String userId) {
		await(this.reactive.removeUserFromGroup(group, userId));
	}

	@Override
	public void removeUserFromAllGroups(String userId) {
		await(this.reactive.removeUserFromAllGroups(userId));
	}

	@Override
	public void closeConnection(String connectionId, @Nullable String reason) {
		await(this.reactive.closeConnection(connectionId, reason));
	}

	@Override
	public void closeAllConnections(List<String> excluded, @Nullable String reason) {
		await(this.reactive.closeAllConnections(excluded, reason));
	}

	@Override
	public void closeGroupConnections(String group, List<String> excluded, @Nullable String reason) {
		await(this.reactive.closeGroupConnections(group, excluded, reason));
	}

	@Override
	public void closeUserConnections(String userId, List<String> excluded, @Nullable String reason) {
		await(this.reactive.closeUserConnections(userId, excluded, reason));
	}

	@Override
	public void grantPermission(WebPubSubPermission permission, String connectionId, @Nullable String targetName) {
		await(this.reactive.grantPermission(permission, connectionId, targetName));
	}

	@Override
	public void revokePermission(WebPubSubPermission permission, String connectionId, @Nullable String targetName) {
		await(this.reactive.revokePermission(permission, connectionId, targetName));
	}

	@Override
	public boolean checkPermission(WebPubSubPermission permission, String connectionId, @Nullable String targetName) {
		return result(this.reactive.checkPermission(permission, connectionId, targetName));
	}

	@Override
	public boolean connectionExists(String connectionId) {
		return result(this.reactive.connectionExists(connectionId));
	}

	@Override
	public boolean groupExists(String group) {
		return result(this.reactive.groupExists(group));
	}

	@Override
	public boolean userExists(String userId) {
		return result(this.reactive.userExists(userId));
	}

	@Override
	public List<WebPubSubGroupMember> listConnectionsInGroup(String group, @Nullable Integer maxPageSize,
			@Nullable Integer top) {
		return result(this.reactive.listConnectionsInGroup(group, maxPageSize, top).collectList());
	}

	@Override
	public String generateClientToken(ClientAccessOptions options) {
		return result(this.reactive.generateClientToken(options));
	}

	@Override
	public void checkHealth() {
		await(this.reactive.checkHealth());
	}

	@Override
	public void send(WebPubSubAction action) {
		await(this.reactive.send(action));
	}

	@Override
	public void send(List<? extends WebPubSubAction> actions) {
		await(this.reactive.send(actions));
	}

	private static void await(Mono<Void> operation) {
		assertMayBlock();
		operation.block();
	}

	private static <T> T result(Mono<T> operation) {
		assertMayBlock();
		return Objects.requireNonNull(operation.block(), "operation completed without a result");
	}

	/**
	 * Fails before Reactor does, with a message that names the ways out: event handlers of WebFlux applications run
	 * on the event loop unless the application declares them blocking.
	 */
	private static void assertMayBlock() {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("WebPubSubTemplate cannot block thread '" + Thread.currentThread().getName()
					+ "', which must not block: use ReactiveWebPubSubTemplate and return its Mono, or, in an event"
					+ " handler, set webpubsub.event-handler.blocking-handlers=true");
		}
	}

	@Override
	public String toString() {
		return "WebPubSubTemplate[" + this.reactive + "]";
	}

}
