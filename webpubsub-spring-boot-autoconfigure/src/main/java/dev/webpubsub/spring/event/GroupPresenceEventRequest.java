package dev.webpubsub.spring.event;

import java.util.Objects;

/**
 * Group presence event ({@code ce-type} {@code azure.webpubsub.gp.*}): a connection joined or left a group. It
 * routes as a user event named {@code joined} or {@code left}.
 *
 * @author Web PubSub for Spring Boot team
 */
public abstract sealed class GroupPresenceEventRequest extends WebPubSubEventRequest
		permits GroupJoinedEventRequest, GroupLeftEventRequest {

	private final String group;

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param group the group
	 */
	GroupPresenceEventRequest(WebPubSubConnectionContext connectionContext, String group) {
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
