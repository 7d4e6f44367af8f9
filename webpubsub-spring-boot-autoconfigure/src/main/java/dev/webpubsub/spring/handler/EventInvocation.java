package dev.webpubsub.spring.handler;

import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.event.WebPubSubEventRequest;

/**
 * One event being handled: the typed request that argument resolvers draw from.
 *
 * @param request the typed request
 * @author Web PubSub for Spring Boot team
 */
record EventInvocation(WebPubSubEventRequest request) {

	WebPubSubConnectionContext context() {
		return this.request.getConnectionContext();
	}

}
