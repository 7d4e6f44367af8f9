package dev.webpubsub.spring.template;

/**
 * Sends a message to the connections of a user: the Azure Functions output action {@code SendToUserAction}, executed
 * by {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code sendToUser}.
 *
 * @param userId the user id
 * @param message the message
 * @author Web PubSub for Spring Boot team
 */
public record SendToUserAction(String userId, WebPubSubMessage message) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public SendToUserAction {
		RequestArguments.notBlank("userId", userId);
		RequestArguments.notNull("message", message);
	}

}
