package dev.webpubsub.benchmarks.apps;

import dev.webpubsub.spring.annotation.WebPubSubEventHandler;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.UserEventResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The starter's side of the webhook run, written as the sample application writes handlers: echoes a user event's
 * text. The starter's webhook endpoint validates and routes the event.
 *
 * @author Web PubSub for Spring Boot team
 */
@Component
@ConditionalOnProperty(name = "bench.variant", havingValue = "starter")
class StarterEchoHandler {

	@WebPubSubEventHandler(hub = "bench", event = "message")
	UserEventResponse message(UserEventRequest request) {
		return UserEventResponse.text(request.getDataAsString());
	}

}
