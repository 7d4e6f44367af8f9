package dev.webpubsub.spring.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Closes every connection of the hub: the Azure Functions output action {@code CloseAllConnectionsAction}, executed by
 * {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code closeAllConnections}.
 *
 * @param excluded ids of connections that stay open
 * @param reason the reason given to the clients, or {@code null}
 * @author Web PubSub for Spring Boot team
 */
public record CloseAllConnectionsAction(List<String> excluded, @Nullable String reason) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public CloseAllConnectionsAction {
		excluded = RequestArguments.ids("excluded", excluded);
	}

	/**
	 * Creates an action that closes every connection, giving no reason.
	 */
	public CloseAllConnectionsAction() {
		this(List.of(), null);
	}

}
