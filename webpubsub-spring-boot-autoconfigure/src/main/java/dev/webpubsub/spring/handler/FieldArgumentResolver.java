package dev.webpubsub.spring.handler;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

import dev.webpubsub.spring.event.ConnectEventRequest;
import dev.webpubsub.spring.event.DisconnectedEventRequest;
import dev.webpubsub.spring.event.GroupPresenceEventRequest;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.WebPubSubDataType;
import dev.webpubsub.spring.event.WebPubSubEventRequest;

/**
 * Supplies single fields of an event by parameter name, like the Functions trigger's binding data:
 * {@code dataType} (also by type {@link WebPubSubDataType}), {@code claims}, {@code query}, {@code headers} (the
 * client's request headers), {@code subprotocols}, {@code clientCertificates}, {@code reason}, {@code group} and
 * {@code states}. A field that the current event does not carry resolves to {@code null}.
 *
 * @author Web PubSub for Spring Boot team
 */
final class FieldArgumentResolver implements EventArgumentResolver {

	private static final Map<String, Field> FIELDS = Map.of(
			"datatype", new Field(WebPubSubDataType.class, List.of(EventKind.USER),
					(request) -> (request instanceof UserEventRequest user) ? user.getDataType() : null),
			"claims", connectField(Map.class, ConnectEventRequest::getClaims),
			"query", connectField(Map.class, ConnectEventRequest::getQuery),
			"headers", connectField(Map.class, ConnectEventRequest::getHeaders),
			"subprotocols", connectField(List.class, ConnectEventRequest::getSubprotocols),
			"clientcertificates", connectField(List.class, ConnectEventRequest::getClientCertificates),
			"reason", new Field(String.class, List.of(EventKind.DISCONNECTED),
					(request) -> (request instanceof DisconnectedEventRequest disconnected) ? disconnected.getReason()
							: null),
			"group", new Field(String.class, List.of(EventKind.GROUP_JOINED, EventKind.GROUP_LEFT),
					(request) -> (request instanceof GroupPresenceEventRequest presence) ? presence.getGroup()
							: null),
			"states", new Field(Map.class, List.of(EventKind.values()),
					(request) -> request.getConnectionContext().getStates()));

	@Override
	public boolean supportsParameter(MethodParameter parameter, List<EventKind> kinds) {
		Field field = fieldOf(parameter);
		return field != null && parameter.getParameterType().isAssignableFrom(field.type())
				&& field.kinds().stream().anyMatch(kinds::contains);
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, EventInvocation invocation) {
		Field field = fieldOf(parameter);
		return (field != null) ? field.extractor().apply(invocation.request()) : null;
	}

	private static @Nullable Field fieldOf(MethodParameter parameter) {
		if (parameter.getParameterType() == WebPubSubDataType.class) {
			return FIELDS.get("datatype");
		}
		String name = EventParameterNames.of(parameter);
		return (name != null) ? FIELDS.get(name) : null;
	}

	private static Field connectField(Class<?> type, Function<ConnectEventRequest, ?> getter) {
		return new Field(type, List.of(EventKind.CONNECT),
				(request) -> (request instanceof ConnectEventRequest connect) ? getter.apply(connect) : null);
	}

	private record Field(Class<?> type, List<EventKind> kinds,
			Function<WebPubSubEventRequest, @Nullable Object> extractor) {

	}

}
