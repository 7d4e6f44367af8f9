package dev.webpubsub.spring.template;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Options of a send operation: connections to leave out, an OData filter that selects the receiving connections,
 * and a time to live. Not every operation supports every option (the REST API decides): {@code sendToAll} and
 * {@code sendToGroup} take all three, {@code sendToUser} takes the filter and the time to live,
 * {@code sendToConnection} only the time to live. An option that the operation does not support is rejected.
 *
 * @param excluded ids of connections that do not receive the message
 * @param filter OData filter that a receiving connection must match, such as {@code userId ne 'bot'}, or
 * {@code null}
 * @param messageTtlSeconds seconds (0-300) after which an undelivered message is dropped, 0 meaning never, or
 * {@code null} for the service's default
 * @author Web PubSub for Spring Boot team
 */
public record SendOptions(List<String> excluded, @Nullable String filter, @Nullable Integer messageTtlSeconds) {

	private static final SendOptions NONE = new SendOptions(List.of(), null, null);

	/**
	 * Creates options, checking every value.
	 */
	public SendOptions {
		excluded = RequestArguments.ids("excluded", excluded);
		if (filter != null) {
			RequestArguments.notBlank("filter", filter);
		}
		if (messageTtlSeconds != null) {
			RequestArguments.messageTtlSeconds(messageTtlSeconds);
		}
	}

	/**
	 * Returns options that set nothing.
	 * @return the empty options
	 */
	public static SendOptions none() {
		return NONE;
	}

	/**
	 * Returns options that leave out the given connections.
	 * @param connectionIds ids of the connections that do not receive the message
	 * @return the options
	 */
	public static SendOptions excluding(String... connectionIds) {
		return NONE.withExcluded(Arrays.asList(connectionIds));
	}

	/**
	 * Returns a copy that leaves out the given connections.
	 * @param connectionIds ids of the connections that do not receive the message
	 * @return the options
	 */
	public SendOptions withExcluded(List<String> connectionIds) {
		return new SendOptions(connectionIds, this.filter, this.messageTtlSeconds);
	}

	/**
	 * Returns a copy with the given OData filter.
	 * @param filter the filter, such as {@code 'admins' in groups}
	 * @return the options
	 */
	public SendOptions withFilter(String filter) {
		return new SendOptions(this.excluded, filter, this.messageTtlSeconds);
	}

	/**
	 * Returns a copy with the given time to live.
	 * @param messageTtlSeconds seconds (0-300) after which an undelivered message is dropped, 0 meaning never
	 * @return the options
	 */
	public SendOptions withMessageTtlSeconds(int messageTtlSeconds) {
		return new SendOptions(this.excluded, this.filter, messageTtlSeconds);
	}

}
