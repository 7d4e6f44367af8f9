package dev.webpubsub.spring.template;

import org.jspecify.annotations.Nullable;

/**
 * A connection in a group, as listed by the service.
 *
 * @param connectionId id of the connection
 * @param userId user id of the connection, or {@code null} for an anonymous connection
 * @author Web PubSub for Spring Boot team
 */
public record WebPubSubGroupMember(String connectionId, @Nullable String userId) {

}
