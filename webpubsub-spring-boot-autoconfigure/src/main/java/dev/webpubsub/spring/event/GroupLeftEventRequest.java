package dev.webpubsub.spring.event;

/**
 * Group presence event {@code left} ({@code ce-type} {@code azure.webpubsub.gp.left}): a connection left a
 * group.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class GroupLeftEventRequest extends GroupPresenceEventRequest {

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param group the group
	 */
	public GroupLeftEventRequest(WebPubSubConnectionContext connectionContext, String group) {
		super(connectionContext, group);
	}

}
