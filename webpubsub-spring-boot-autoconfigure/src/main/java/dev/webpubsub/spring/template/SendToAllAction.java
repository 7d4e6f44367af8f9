package dev.webpubsub.spring.template;

import java.util.List;

/**
 * Sends a message to every connection of the hub: the Azure Functions output action {@code SendToAllAction}, executed
 * by {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code sendToAll}.
 *
 * @param message the message
 * @param excluded ids of connections that do not receive it
 * @author Web PubSub for Spring Boot team
 */
public record SendToAllAction(WebPubSubMessage message, List<String> excluded) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public SendToAllAction {
		RequestArguments.notNull("message", message);
		excluded = RequestArguments.ids("excluded", excluded);
	}

	/**
	 * Creates an action that sends to every connection.
	 * @param message the message
	 */
	public SendToAllAction(WebPubSubMessage message) {
		this(message, List.of());
	}

}
