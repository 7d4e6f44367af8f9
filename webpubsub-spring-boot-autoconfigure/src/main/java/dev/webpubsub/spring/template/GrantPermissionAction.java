package dev.webpubsub.spring.template;

import org.jspecify.annotations.Nullable;

/**
 * Grants a permission to a connection: the Azure Functions output action {@code GrantPermissionAction}, executed by
 * {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code grantPermission}.
 *
 * @param connectionId the connection id
 * @param permission the permission
 * @param targetName the group the permission is for, or {@code null} for every group
 * @author Web PubSub for Spring Boot team
 */
public record GrantPermissionAction(String connectionId, WebPubSubPermission permission,
		@Nullable String targetName) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public GrantPermissionAction {
		RequestArguments.notBlank("connectionId", connectionId);
		RequestArguments.notNull("permission", permission);
		if (targetName != null) {
			RequestArguments.group("targetName", targetName);
		}
	}

}
