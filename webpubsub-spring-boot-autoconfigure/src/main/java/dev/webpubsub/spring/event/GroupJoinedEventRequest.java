package dev.webpubsub.spring.event;

/**
 * Group presence event {@code joined} ({@code ce-type} {@code azure.webpubsub.gp.joined}): a connection joined a
 * group.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class GroupJoinedEventRequest extends GroupPresenceEventRequest {

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param group the group
	 */
	public GroupJoinedEventRequest(WebPubSubConnectionContext connectionContext, String group) {
		super(connectionContext, group);
	}

}
