package dev.webpubsub.spring.handler;

/**
 * Thrown when an upstream request cannot be read; the pipeline answers 400 with the message, which must be one
 * line and must not echo secrets.
 *
 * @author Web PubSub for Spring Boot team
 */
final class BadEventException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	BadEventException(String message) {
		super(message, null, false, false);
	}

}
