package dev.webpubsub.spring.autoconfigure;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.template.ReactiveWebPubSubOperations;
import dev.webpubsub.spring.template.WebPubSubServiceException;

/**
 * Health of the Web PubSub service of the default connection, from {@code HEAD /api/health}: up when it answers
 * 200, down otherwise (with the status when the service answered).
 *
 * @author Web PubSub for Spring Boot team
 */
final class WebPubSubHealthIndicator extends AbstractReactiveHealthIndicator {

	private final ReactiveWebPubSubOperations operations;

	WebPubSubHealthIndicator(ReactiveWebPubSubOperations operations) {
		super("Web PubSub health check failed");
		this.operations = operations;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.operations.checkHealth()
			.then(Mono.fromSupplier(() -> builder.up().build()))
			.onErrorResume(WebPubSubServiceException.class,
					(ex) -> Mono.just(builder.down().withDetail("status", ex.getStatusCode()).build()));
	}

}
