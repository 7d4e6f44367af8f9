package dev.webpubsub.spring.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Closes the connections in a group: the Azure Functions output action {@code CloseGroupConnectionsAction}, executed
 * by {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code closeGroupConnections}.
 *
 * @param group the group
 * @param excluded ids of connections that stay open
 * @param reason the reason given to the clients, or {@code null}
 * @author Web PubSub for Spring Boot team
 */
public record CloseGroupConnectionsAction(String group, List<String> excluded,
		@Nullable String reason) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public CloseGroupConnectionsAction {
		RequestArguments.group("group", group);
		excluded = RequestArguments.ids("excluded", excluded);
	}

	/**
	 * Creates an action that closes every connection in the group, giving no reason.
	 * @param group the group
	 */
	public CloseGroupConnectionsAction(String group) {
		this(group, List.of(), null);
	}

}
