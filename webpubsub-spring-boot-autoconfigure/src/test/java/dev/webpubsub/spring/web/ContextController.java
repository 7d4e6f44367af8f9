package dev.webpubsub.spring.web;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.webpubsub.spring.event.ConnectEventRequest;
import dev.webpubsub.spring.event.ConnectEventResponse;
import dev.webpubsub.spring.handler.WebPubSubContext;

/**
 * An application's own webhook controller that uses the {@link WebPubSubContext} binding.
 */
@RestController
class ContextController {

	final AtomicReference<@Nullable WebPubSubContext> received = new AtomicReference<>();

	@RequestMapping(path = "/custom-hook", method = { RequestMethod.POST, RequestMethod.OPTIONS })
	ResponseEntity<byte[]> hook(WebPubSubContext context) {
		this.received.set(context);
		if (context.isPreflight() || context.hasError()) {
			return context.toResponseEntity();
		}
		if (context.getRequest() instanceof ConnectEventRequest) {
			return context.respond(ConnectEventResponse.builder().userId("from-context").state("k", "v").build());
		}
		return context.respond(null);
	}

}
