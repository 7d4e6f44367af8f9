package dev.webpubsub.spring.template;

import java.time.Duration;

/**
 * How often and how long the template tries one operation.
 *
 * @param maxAttempts attempts of one operation, the first one included (so 4 means up to 3 retries)
 * @param initialBackoff delay before the first retry; each further retry doubles it, with jitter
 * @param maxBackoff upper bound of a computed delay (a {@code Retry-After} from the service is honoured as given)
 * @param timeout time limit of one attempt: authentication, request and the complete response
 * @author Web PubSub for Spring Boot team
 */
record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout) {

	static final RetrySettings DEFAULTS = new RetrySettings(4, Duration.ofMillis(800), Duration.ofSeconds(8),
			Duration.ofSeconds(30));

	RetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("'maxAttempts' must be at least 1 but was " + maxAttempts);
		}
		if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
			throw new IllegalArgumentException("'initialBackoff' and 'maxBackoff' must not be negative");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("'timeout' must be positive but was " + timeout);
		}
	}

}
