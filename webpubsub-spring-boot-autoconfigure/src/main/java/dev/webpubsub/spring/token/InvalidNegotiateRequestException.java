package dev.webpubsub.spring.token;

/**
 * Thrown when a negotiate request cannot get a token, such as for a hub the application does not serve. The
 * message is a one-line reason that is safe to return to the client.
 *
 * @author Web PubSub for Spring Boot team
 */
public class InvalidNegotiateRequestException extends IllegalArgumentException {

	/**
	 * Creates an exception.
	 * @param reason the one-line reason, which must not echo client input
	 */
	public InvalidNegotiateRequestException(String reason) {
		super(reason);
	}

}
