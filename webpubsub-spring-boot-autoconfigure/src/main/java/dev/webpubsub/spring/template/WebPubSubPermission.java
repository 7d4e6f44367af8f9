package dev.webpubsub.spring.template;

/**
 * Permissions that the service grants to a connection, optionally for one group (the target name).
 *
 * @author Web PubSub for Spring Boot team
 */
public enum WebPubSubPermission {

	/**
	 * Permission to send messages to a group ({@code sendToGroup}).
	 */
	SEND_TO_GROUP("sendToGroup"),

	/**
	 * Permission to join and leave a group ({@code joinLeaveGroup}).
	 */
	JOIN_LEAVE_GROUP("joinLeaveGroup");

	private final String value;

	WebPubSubPermission(String value) {
		this.value = value;
	}

	/**
	 * Returns the name of the permission in the REST API.
	 * @return {@code sendToGroup} or {@code joinLeaveGroup}
	 */
	public String value() {
		return this.value;
	}

}
