package dev.webpubsub.spring.handler;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.event.WebPubSubEventRequest;

/**
 * Supplies the typed request (any {@link WebPubSubEventRequest} type that the method's events produce, such as
 * {@code ConnectEventRequest} or {@code MqttConnectEventRequest}; {@code null} when an event produces another
 * type) and the {@link WebPubSubConnectionContext}.
 *
 * @author Web PubSub for Spring Boot team
 */
final class RequestArgumentResolver implements EventArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter, List<EventKind> kinds) {
		Class<?> type = parameter.getParameterType();
		if (type == WebPubSubConnectionContext.class) {
			return true;
		}
		return WebPubSubEventRequest.class.isAssignableFrom(type) && kinds.stream()
			.flatMap((kind) -> kind.requestTypes().stream())
			.anyMatch((requestType) -> type.isAssignableFrom(requestType) || requestType.isAssignableFrom(type));
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, EventInvocation invocation) {
		Class<?> type = parameter.getParameterType();
		if (type == WebPubSubConnectionContext.class) {
			return invocation.context();
		}
		return type.isInstance(invocation.request()) ? invocation.request() : null;
	}

}
