package dev.webpubsub.spring.handler;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

/**
 * Strategy that supplies one kind of {@code @WebPubSubEventHandler} method argument. Support is decided once, at
 * start-up; resolution runs for every event.
 *
 * @author Web PubSub for Spring Boot team
 */
interface EventArgumentResolver {

	/**
	 * Whether this resolver supplies the parameter.
	 * @param parameter the parameter, with parameter name discovery initialised
	 * @param kinds the event kinds the method can receive
	 * @return whether it is supported
	 */
	boolean supportsParameter(MethodParameter parameter, List<EventKind> kinds);

	/**
	 * Resolves the argument for one event.
	 * @param parameter the parameter
	 * @param invocation the event
	 * @return the argument, or {@code null} when the event does not carry it
	 * @throws BadEventException if the event's data cannot be converted to the parameter type
	 */
	@Nullable Object resolveArgument(MethodParameter parameter, EventInvocation invocation);

}
