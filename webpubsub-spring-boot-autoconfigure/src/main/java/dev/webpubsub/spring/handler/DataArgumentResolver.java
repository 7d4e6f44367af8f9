package dev.webpubsub.spring.handler;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.event.UserEventRequest;

/**
 * Supplies a user event's data: as {@code byte[]} or a Jackson {@link JsonNode} (bound by type), or to a parameter
 * named {@code data} as {@code String} (UTF-8) or any other type read from JSON. Data that cannot be read as the
 * parameter's type answers 400.
 *
 * @author Web PubSub for Spring Boot team
 */
final class DataArgumentResolver implements EventArgumentResolver {

	private final JsonMapper jsonMapper;

	DataArgumentResolver(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter, List<EventKind> kinds) {
		Class<?> type = parameter.getParameterType();
		if (!kinds.contains(EventKind.USER) || type.isPrimitive()) {
			return false;
		}
		return type == byte[].class || JsonNode.class.isAssignableFrom(type)
				|| "data".equals(EventParameterNames.of(parameter));
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, EventInvocation invocation) {
		if (!(invocation.request() instanceof UserEventRequest request)) {
			return null;
		}
		Class<?> type = parameter.getParameterType();
		if (type == byte[].class) {
			return request.getData();
		}
		if (type == String.class) {
			return request.getDataAsString();
		}
		JavaType javaType = this.jsonMapper.constructType(parameter.getGenericParameterType());
		try {
			return this.jsonMapper.readValue(request.getData(), javaType);
		}
		catch (JacksonException ex) {
			throw new BadEventException("Message data cannot be read as " + type.getSimpleName() + " JSON");
		}
	}

}
