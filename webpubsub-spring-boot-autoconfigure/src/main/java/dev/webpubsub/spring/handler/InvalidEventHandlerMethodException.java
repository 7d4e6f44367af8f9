package dev.webpubsub.spring.handler;

/**
 * Thrown at start-up when a {@code @WebPubSubEventHandler} method cannot be used: its hub, event, connection,
 * parameters or return type are wrong, or it handles the same event as another method.
 *
 * @author Web PubSub for Spring Boot team
 */
public class InvalidEventHandlerMethodException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String method;

	private final String problem;

	/**
	 * Creates an exception.
	 * @param method the method, {@code beanName.method(parameter types)}
	 * @param problem what is wrong with it
	 */
	public InvalidEventHandlerMethodException(String method, String problem) {
		super("Invalid @WebPubSubEventHandler method " + method + ": " + problem);
		this.method = method;
		this.problem = problem;
	}

	/**
	 * Returns the method.
	 * @return the method, {@code beanName.method(parameter types)}
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * Returns what is wrong with the method.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

}
