package dev.webpubsub.spring.template;

/**
 * Removes the connections of a user from every group: the Azure Functions output action
 * {@code RemoveUserFromAllGroupsAction}, executed by {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as
 * {@code removeUserFromAllGroups}.
 *
 * @param userId the user id
 * @author Web PubSub for Spring Boot team
 */
public record RemoveUserFromAllGroupsAction(String userId) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public RemoveUserFromAllGroupsAction {
		RequestArguments.notBlank("userId", userId);
	}

}
