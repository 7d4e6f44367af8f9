package dev.webpubsub.spring.event;

import java.util.Objects;

/**
 * Group presence event {@code joined} ({@code ce-type} {@code azure.webpubsub.gp.joined}): a connection joined a group.
 * It routes as a user event named {@code joined}.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class GroupJoinedEventRequest extends WebPubSubEventRequest {

	private final String group;

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param group the group
	 */
	public GroupJoinedEventRequest(WebPubSubConnectionContext connectionContext, String group) {
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
