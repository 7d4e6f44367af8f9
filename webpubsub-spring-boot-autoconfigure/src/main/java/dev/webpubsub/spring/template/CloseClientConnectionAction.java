package dev.webpubsub.spring.template;

import org.jspecify.annotations.Nullable;

/**
 * Closes one connection: the Azure Functions output action {@code CloseClientConnectionAction}, executed by
 * {@link ReactiveWebPubSubOperations#send(WebPubSubAction)} as {@code closeConnection}.
 *
 * @param connectionId the connection id
 * @param reason the reason given to the clients, or {@code null}
 * @author Web PubSub for Spring Boot team
 */
public record CloseClientConnectionAction(String connectionId, @Nullable String reason) implements WebPubSubAction {

	/**
	 * Creates the action, checking every argument.
	 */
	public CloseClientConnectionAction {
		RequestArguments.notBlank("connectionId", connectionId);
	}

	/**
	 * Creates an action that closes the connection, giving no reason.
	 * @param connectionId the connection id
	 */
	public CloseClientConnectionAction(String connectionId) {
		this(connectionId, null);
	}

}
