package dev.webpubsub.spring.template;

/**
 * An output action of the Azure Functions Web PubSub binding, as an immutable value that
 * {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} and {@link WebPubSubOperations#send(WebPubSubAction)}
 * execute, so that output-binding code maps one to one. Each action is one REST call on the template's hub.
 *
 * @author Web PubSub for Spring Boot team
 */
public sealed interface WebPubSubAction permits SendToAllAction,
		SendToGroupAction,
		SendToUserAction,
		SendToConnectionAction,
		AddUserToGroupAction,
		RemoveUserFromGroupAction,
		RemoveUserFromAllGroupsAction,
		AddConnectionToGroupAction,
		RemoveConnectionFromGroupAction,
		CloseAllConnectionsAction,
		CloseClientConnectionAction,
		CloseGroupConnectionsAction,
		GrantPermissionAction,
		RevokePermissionAction {

}
