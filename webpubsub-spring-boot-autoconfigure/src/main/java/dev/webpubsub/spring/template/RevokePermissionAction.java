package dev.webpubsub.spring.template;

import org.jspecify.annotations.Nullable;

/**
 * Revokes a permission of a connection: the Azure Functions output action {@code RevokePermissionAction}, executed by
 * {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code revokePermission}.
 *
 * @param connectionId the connection id
 * @param permission the permission
 * @param targetName the group the permission is for, or {@code null} for every group
 * @author Web PubSub for Spring Boot team
 */
public record RevokePermissionAction(String connectionId, WebPubSubPermission permission,
		@Nullable String targetName) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public RevokePermissionAction {
		RequestArguments.notBlank("connectionId", connectionId);
		RequestArguments.notNull("permission", permission);
		if (targetName != null) {
			RequestArguments.group("targetName", targetName);
		}
	}

}
