package dev.webpubsub.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.webpubsub.spring.event.WebPubSubClientProtocols;
import dev.webpubsub.spring.event.WebPubSubEventType;

/**
 * Marks a bean method as the handler of one Web PubSub event of one hub, the way a Functions
 * {@code WebPubSubTrigger} does. The webhook endpoint validates each request and invokes the method whose hub,
 * event type, event name and client protocol match.
 * <p>
 * Parameters are bound by type: a request type ({@code ConnectEventRequest}, {@code UserEventRequest}, ...), the
 * {@code WebPubSubConnectionContext} and {@code WebPubSubDataType}; a {@code byte[]} or Jackson
 * {@code JsonNode} receives a user event's data. Other parameters are bound by name (the name of the parameter
 * or of a {@link WebPubSubEventParameter} annotation): {@code data} (text, bytes, JSON tree or any object read
 * from JSON), {@code dataType}, {@code claims}, {@code query}, {@code headers}, {@code subprotocols},
 * {@code clientCertificates}, {@code reason}, {@code group} and {@code states}. A parameter that fits no rule
 * fails start-up.
 * <p>
 * Return values answer blocking events ({@code connect} and user events): typed responses such as
 * {@code ConnectEventResponse} or {@code UserEventResponse}, {@code EventErrorResponse}, or for user events a
 * {@code String}, {@code byte[]} or an object written as JSON; {@code void} or {@code null} answers 204. Any of
 * them may be wrapped in a {@code CompletionStage} or {@code Mono}. A return type that cannot answer the event
 * fails start-up.
 * <pre class="code">
 * &#064;WebPubSubEventHandler(hub = "chat", event = "message")
 * UserEventResponse message(UserEventRequest request, WebPubSubConnectionContext context) { ... }
 * </pre>
 *
 * @author Web PubSub for Spring Boot team
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WebPubSubEventHandler {

	/**
	 * Hub whose events the method handles, compared case-insensitively. Placeholders such as {@code ${chat.hub}}
	 * are resolved; empty means the {@code WebPubSubHub} setting.
	 * @return the hub
	 */
	String hub() default "";

	/**
	 * Event name: {@code connect}, {@code connected}, {@code disconnected}, or a user event name such as
	 * {@code message} (group presence events are the user events {@code joined} and {@code left}).
	 * @return the event name
	 */
	String event();

	/**
	 * Event type; empty infers it from the event name ({@code connect}, {@code connected} and
	 * {@code disconnected} are system events, every other name is a user event). At most one value.
	 * @return the event type, or none to infer it
	 */
	WebPubSubEventType[] eventType() default {};

	/**
	 * Client protocols whose events the method handles.
	 * @return the client protocols
	 */
	WebPubSubClientProtocols clientProtocols() default WebPubSubClientProtocols.ALL;

	/**
	 * Name of the connection setting whose endpoint may send the events and whose access key validates their
	 * signatures; empty means {@code WebPubSubConnectionString}.
	 * @return the connection name
	 */
	String connection() default "";

}
