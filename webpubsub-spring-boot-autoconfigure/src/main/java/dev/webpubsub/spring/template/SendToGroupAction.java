package dev.webpubsub.spring.template;

import java.util.List;

/**
 * Sends a message to the connections in a group: the Azure Functions output action {@code SendToGroupAction}, executed
 * by {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code sendToGroup}.
 *
 * @param group the group
 * @param message the message
 * @param excluded ids of connections that do not receive it
 * @author Web PubSub for Spring Boot team
 */
public record SendToGroupAction(String group, WebPubSubMessage message,
		List<String> excluded) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public SendToGroupAction {
		RequestArguments.group("group", group);
		RequestArguments.notNull("message", message);
		excluded = RequestArguments.ids("excluded", excluded);
	}

	/**
	 * Creates an action that sends to every connection in the group.
	 * @param group the group
	 * @param message the message
	 */
	public SendToGroupAction(String group, WebPubSubMessage message) {
		this(group, message, List.of());
	}

}
