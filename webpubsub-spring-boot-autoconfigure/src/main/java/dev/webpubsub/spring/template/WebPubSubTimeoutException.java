package dev.webpubsub.spring.template;

/**
 * Thrown when the last attempt of a Web PubSub operation gets no answer within the configured timeout. The
 * operation may still have taken effect on the service.
 *
 * @author Web PubSub for Spring Boot team
 */
public class WebPubSubTimeoutException extends WebPubSubException {

	/**
	 * Creates an exception.
	 * @param operation name of the operation that timed out
	 * @param message the detail message
	 * @param cause the timeout of the last attempt
	 */
	public WebPubSubTimeoutException(String operation, String message, Throwable cause) {
		super(operation, message, cause);
	}

}
