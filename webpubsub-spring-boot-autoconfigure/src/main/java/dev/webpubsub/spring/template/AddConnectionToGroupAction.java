package dev.webpubsub.spring.template;

/**
 * Adds a connection to a group: the Azure Functions output action {@code AddConnectionToGroupAction}, executed by
 * {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code addConnectionToGroup}.
 *
 * @param connectionId the connection id
 * @param group the group
 * @author Web PubSub for Spring Boot team
 */
public record AddConnectionToGroupAction(String connectionId, String group) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public AddConnectionToGroupAction {
		RequestArguments.notBlank("connectionId", connectionId);
		RequestArguments.group("group", group);
	}

}
