package dev.webpubsub.spring.template;

/**
 * Adds the connections of a user to a group: the Azure Functions output action {@code AddUserToGroupAction}, executed
 * by {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code addUserToGroup}.
 *
 * @param userId the user id
 * @param group the group
 * @author Web PubSub for Spring Boot team
 */
public record AddUserToGroupAction(String userId, String group) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public AddUserToGroupAction {
		RequestArguments.notBlank("userId", userId);
		RequestArguments.group("group", group);
	}

}
