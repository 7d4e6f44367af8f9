package dev.webpubsub.spring.handler;

import dev.webpubsub.spring.event.WebPubSubClientProtocols;
import dev.webpubsub.spring.event.WebPubSubEventType;

/**
 * One detected {@code @WebPubSubEventHandler} method: what it handles and which connection validates its events.
 *
 * @param hub the hub, placeholders resolved
 * @param eventType the event type, inferred when the annotation leaves it out
 * @param eventName the event name
 * @param clientProtocols the client protocols
 * @param connection the name of the connection setting that validates the events
 * @param method a description of the handler method, {@code beanName.method(parameter types)}
 * @author Web PubSub for Spring Boot team
 */
public record WebPubSubEventHandlerMapping(String hub, WebPubSubEventType eventType, String eventName,
		WebPubSubClientProtocols clientProtocols, String connection, String method) {

}
