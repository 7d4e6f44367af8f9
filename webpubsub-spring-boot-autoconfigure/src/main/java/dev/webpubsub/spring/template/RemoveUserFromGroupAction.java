package dev.webpubsub.spring.template;

/**
 * Removes the connections of a user from a group: the Azure Functions output action {@code RemoveUserFromGroupAction},
 * executed by {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code removeUserFromGroup}.
 *
 * @param userId the user id
 * @param group the group
 * @author Web PubSub for Spring Boot team
 */
public record RemoveUserFromGroupAction(String userId, String group) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public RemoveUserFromGroupAction {
		RequestArguments.notBlank("userId", userId);
		RequestArguments.group("group", group);
	}

}
