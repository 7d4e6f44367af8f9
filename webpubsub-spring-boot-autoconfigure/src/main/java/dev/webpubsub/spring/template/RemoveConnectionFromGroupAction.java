package dev.webpubsub.spring.template;

/**
 * Removes a connection from a group: the Azure Functions output action {@code RemoveConnectionFromGroupAction},
 * executed by {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code removeConnectionFromGroup}.
 *
 * @param connectionId the connection id
 * @param group the group
 * @author Web PubSub for Spring Boot team
 */
public record RemoveConnectionFromGroupAction(String connectionId, String group) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public RemoveConnectionFromGroupAction {
		RequestArguments.notBlank("connectionId", connectionId);
		RequestArguments.group("group", group);
	}

}
