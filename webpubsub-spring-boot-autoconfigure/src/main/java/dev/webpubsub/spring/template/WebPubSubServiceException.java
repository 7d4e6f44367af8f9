package dev.webpubsub.spring.template;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the Web PubSub service answers an operation with an error status, after the retries that the
 * status allows. Carries the status, the service's error code (header {@code x-ms-error-code} or the {@code code}
 * of the error body) and its message.
 *
 * @author Web PubSub for Spring Boot team
 */
public class WebPubSubServiceException extends WebPubSubException {

	private final int statusCode;

	private final @Nullable String errorCode;

	private final @Nullable String serviceMessage;

	/**
	 * Creates an exception.
	 * @param operation name of the failed operation
	 * @param statusCode the HTTP status of the service's answer
	 * @param errorCode the service's error code, if any
	 * @param serviceMessage the service's error message, if any
	 */
	public WebPubSubServiceException(String operation, int statusCode, @Nullable String errorCode,
			@Nullable String serviceMessage) {
		super(operation, describe(operation, statusCode, errorCode, serviceMessage), null);
		this.statusCode = statusCode;
		this.errorCode = errorCode;
		this.serviceMessage = serviceMessage;
	}

	private static String describe(String operation, int statusCode, @Nullable String errorCode,
			@Nullable String serviceMessage) {
		StringBuilder message = new StringBuilder("Web PubSub operation '").append(operation)
			.append("' failed with HTTP status ")
			.append(statusCode);
		if (errorCode != null) {
			message.append(", error code '").append(errorCode).append('\'');
		}
		if (serviceMessage != null) {
			message.append(": ").append(serviceMessage);
		}
		return message.toString();
	}

	/**
	 * Returns the HTTP status of the service's answer.
	 * @return the status code, such as 500
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Returns the service's error code.
	 * @return the value of {@code x-ms-error-code} or of the {@code code} of the error body, or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Returns the service's error message.
	 * @return the {@code message} of the error body (or the body itself when it is not JSON), or {@code null}
	 */
	public @Nullable String getServiceMessage() {
		return this.serviceMessage;
	}

}
