package dev.webpubsub.spring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the REST client behind {@code WebPubSubTemplate} and {@code ReactiveWebPubSubTemplate}.
 *
 * @author Web PubSub for Spring Boot team
 */
@ConfigurationProperties("webpubsub.client")
public class WebPubSubClientProperties {

	/**
	 * Time limit of one attempt of an operation: authentication, request and complete response. An attempt that
	 * exceeds it counts as a failed attempt and is retried; the blocking template waits for all attempts. Attempts
	 * that start together share one timer, so an attempt may run up to a sixteenth of the limit (at most 100 ms)
	 * longer.
	 */
	private Duration timeout = Duration.ofSeconds(30);

	/**
	 * Retries of operations that fail transiently (HTTP 408, 429, 500, 502, 503, 504, connection errors and
	 * timeouts).
	 */
	private final Retry retry = new Retry();

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Retry settings.
	 */
	public static class Retry {

		/**
		 * Attempts of one operation, the first one included: 4 means the first attempt and up to 3 retries. 1
		 * disables retries.
		 */
		private int maxAttempts = 4;

		/**
		 * Delay before the first retry; each further retry doubles it, with +/-20% jitter. A Retry-After (or
		 * retry-after-ms) answer of the service replaces the computed delay.
		 */
		private Duration initialBackoff = Duration.ofMillis(800);

		/**
		 * Upper bound of a computed retry delay.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

}
