package dev.webpubsub.spring.connection;

/**
 * Thrown when a Web PubSub connection string cannot be parsed. The message names the problem and never
 * contains the access key.
 *
 * @author Web PubSub for Spring Boot team
 */
public class InvalidConnectionStringException extends IllegalArgumentException {

	/**
	 * Creates an exception with a message that describes what is wrong with the connection string.
	 * @param message the description, which must not contain the access key
	 */
	public InvalidConnectionStringException(String message) {
		super(message);
	}

}
