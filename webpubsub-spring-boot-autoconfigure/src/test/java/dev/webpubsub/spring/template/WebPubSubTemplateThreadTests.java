package dev.webpubsub.spring.template;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.webpubsub.spring.connection.WebPubSubConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking template on threads that must not block, such as the event loop that runs a WebFlux application's
 * event handlers.
 */
class WebPubSubTemplateThreadTests {

	private static final WebPubSubConnection CONNECTION = WebPubSubConnection.withAccessKey("WebPubSubConnectionString",
			URI.create("http://127.0.0.1:9"), "key");

	private final WebPubSubTemplate template = new WebPubSubTemplate(
			ReactiveWebPubSubTemplate.builder(CONNECTION).hub("chat").build());

	@Test
	void refusesToBlockANonBlockingThreadNamingTheAlternatives() {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Mono.fromRunnable(() -> {
			try {
				this.template.sendToAll(WebPubSubMessage.text("hi"));
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		}).subscribeOn(Schedulers.parallel()).block();
		assertThat(failure.get()).isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("WebPubSubTemplate cannot block thread 'parallel-")
			.hasMessageContaining("ReactiveWebPubSubTemplate")
			.hasMessageContaining("webpubsub.event-handler.blocking-handlers=true");
	}

}
