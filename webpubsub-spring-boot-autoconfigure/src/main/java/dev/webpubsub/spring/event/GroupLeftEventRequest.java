package dev.webpubsub.spring.event;

import java.util.Objects;

/**
 * Group presence event {@code left} ({@code ce-type} {@code azure.webpubsub.gp.left}): a connection left a group.
 * It routes as a user event named {@code left}.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class GroupLeftEventRequest extends WebPubSubEventRequest {

	private final String group;

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param group the group
	 */
	public GroupLeftEventRequest(WebPubSubConnectionContext connectionContext, String group) {
		super(connectionContext);
		this.group = Objects.requireNonNull(group, "'group' must not be null");
	}

	/**
	 * Returns the group.
	 * @return the group
	 */
	public String getGroup() {
		return this.group;
	}

}
