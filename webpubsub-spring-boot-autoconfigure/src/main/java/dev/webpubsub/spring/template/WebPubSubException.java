package dev.webpubsub.spring.template;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a Web PubSub operation fails after its last attempt: the service answered with an error
 * ({@link WebPubSubServiceException}), did not answer in time ({@link WebPubSubTimeoutException}), or could not be
 * reached (this type, with the I/O error as cause).
 *
 * @author Web PubSub for Spring Boot team
 */
public class WebPubSubException extends RuntimeException {

	private final String operation;

	/**
	 * Creates an exception.
	 * @param operation name of the failed operation, such as {@code sendToAll}
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public WebPubSubException(String operation, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.operation = operation;
	}

	/**
	 * Returns the name of the failed operation.
	 * @return the operation, such as {@code sendToAll}
	 */
	public String getOperation() {
		return this.operation;
	}

}
