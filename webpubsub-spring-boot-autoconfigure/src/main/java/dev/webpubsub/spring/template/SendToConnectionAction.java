package dev.webpubsub.spring.template;

/**
 * Sends a message to one connection: the Azure Functions output action {@code SendToConnectionAction}, executed by
 * {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code sendToConnection}.
 *
 * @param connectionId the connection id
 * @param message the message
 * @author Web PubSub for Spring Boot team
 */
public record SendToConnectionAction(String connectionId, WebPubSubMessage message) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public SendToConnectionAction {
		RequestArguments.notBlank("connectionId", connectionId);
		RequestArguments.notNull("message", message);
	}

}
