package dev.webpubsub.spring.handler;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.webpubsub.spring.event.ConnectEventResponse;
import dev.webpubsub.spring.event.ConnectionStates;
import dev.webpubsub.spring.event.EventErrorResponse;
import dev.webpubsub.spring.event.MqttConnectEventErrorResponse;
import dev.webpubsub.spring.event.MqttConnectEventRequest;
import dev.webpubsub.spring.event.MqttUserProperty;
import dev.webpubsub.spring.event.UserEventResponse;
import dev.webpubsub.spring.event.WebPubSubDataType;
import dev.webpubsub.spring.event.WebPubSubErrorCode;
import dev.webpubsub.spring.event.WebPubSubEventRequest;
import dev.webpubsub.spring.event.WebPubSubEventResponse;

/**
 * Turns what a handler returned into the HTTP answer the service expects: typed responses as the Functions
 * extension writes them, plain {@code String} / {@code byte[]} / objects as user-event replies (text, binary,
 * JSON), {@code null} as 204, and connection states merged over the request's states into
 * {@code ce-connectionState}.
 *
 * @author Web PubSub for Spring Boot team
 */
final class EventResponseWriter {

	private static final Log logger = LogFactory.getLog(EventResponseWriter.class);

	static final String STATES_HEADER = "ce-connectionState";

	private static final List<Class<?>> CONNECT_RETURN_TYPES = List.of(void.class, Void.class, Object.class,
			WebPubSubEventResponse.class, ConnectEventResponse.class, EventErrorResponse.class,
			MqttConnectEventErrorResponse.class);

	private static final List<Class<?>> NON_BLOCKING_RETURN_TYPES = List.of(void.class, Void.class, Object.class);

	private final JsonMapper jsonMapper;

	private final ConnectionStatesCodec statesCodec;

	EventResponseWriter(JsonMapper jsonMapper, ConnectionStatesCodec statesCodec) {
		this.jsonMapper = jsonMapper;
		this.statesCodec = statesCodec;
	}

	/**
	 * Fails when a method's return type (unwrapped from {@code CompletionStage} or {@code Mono}) cannot answer
	 * the events it handles.
	 * @param method the method
	 * @param kinds the event kinds it receives
	 * @param description how to name the method in the error
	 */
	static void checkReturnType(Method method, List<EventKind> kinds, String description) {
		ResolvableType type = ResolvableType.forMethodReturnType(method);
		Class<?> raw = type.toClass();
		if (CompletionStage.class.isAssignableFrom(raw) || raw.getName().equals("reactor.core.publisher.Mono")) {
			type = type.as(CompletionStage.class.isAssignableFrom(raw) ? CompletionStage.class : raw).getGeneric(0);
			raw = type.toClass();
		}
		else if (raw.getName().equals("reactor.core.publisher.Flux")) {
			throw unsupported(description, method, "a Flux; return a Mono or a CompletionStage of one value");
		}
		for (EventKind kind : kinds) {
			boolean supported = switch (kind) {
				case CONNECT -> CONNECT_RETURN_TYPES.contains(raw);
				case USER -> !ConnectEventResponse.class.isAssignableFrom(raw)
						&& !MqttConnectEventErrorResponse.class.isAssignableFrom(raw);
				default -> NON_BLOCKING_RETURN_TYPES.contains(raw);
			};
			if (!supported) {
				throw unsupported(description, method, raw.getName() + ", which " + kind.name().toLowerCase(Locale.ROOT)
						+ " events cannot return (" + supportedFor(kind) + ")");
			}
		}
	}

	private static String supportedFor(EventKind kind) {
		return switch (kind) {
			case CONNECT -> "use void, ConnectEventResponse, EventErrorResponse or MqttConnectEventErrorResponse";
			case USER -> "use void, UserEventResponse, EventErrorResponse, String, byte[] or an object for JSON";
			default -> "their answer is always empty, so use void";
		};
	}

	private static InvalidEventHandlerMethodException unsupported(String description, Method method,
			String problem) {
		return new InvalidEventHandlerMethodException(description,
				"unsupported return type " + problem + ". Method: " + method.toGenericString());
	}

	/**
	 * Writes a handler's successful result.
	 * @param kind the event kind
	 * @param request the request
	 * @param value what the handler returned
	 * @param source what produced the value, named in the warning about a value the event cannot return
	 * @return the answer
	 */
	EventResult write(EventKind kind, WebPubSubEventRequest request, @Nullable Object value, Object source) {
		if (!kind.isBlocking() || value == null) {
			return EventResult.empty(204);
		}
		if (value instanceof EventErrorResponse error) {
			return writeError(kind, request, error.code(), error.message());
		}
		if (value instanceof MqttConnectEventErrorResponse mqttError && kind == EventKind.CONNECT) {
			return mqttError(mqttError.httpStatus(), mqttError.code(), mqttError.reason(),
					mqttError.userProperties());
		}
		if (value instanceof ConnectEventResponse connect && kind == EventKind.CONNECT) {
			return writeConnect(request, connect);
		}
		if (kind == EventKind.USER && !(value instanceof ConnectEventResponse)
				&& !(value instanceof MqttConnectEventErrorResponse)) {
			return writeUser(request, value);
		}
		logger.warn("Web PubSub event handler " + source + " returned " + value.getClass().getName() + ", which "
				+ kind.name().toLowerCase(Locale.ROOT) + " events cannot return; answering 500");
		return EventResult.text(500, "Invalid response type");
	}

	/**
	 * Writes an error answer; for an MQTT client's {@code connect} the body is the MQTT error JSON.
	 */
	EventResult writeError(EventKind kind, WebPubSubEventRequest request, WebPubSubErrorCode code,
			String message) {
		if (kind == EventKind.CONNECT && request instanceof MqttConnectEventRequest mqtt) {
			return mqttError(code.httpStatus(), code.mqttCode(mqtt.getMqtt().protocolVersion()), message, null);
		}
		return EventResult.text(code.httpStatus(), message);
	}

	private EventResult mqttError(int status, int code, @Nullable String reason,
			@Nullable List<MqttUserProperty> userProperties) {
		ObjectNode mqtt = this.jsonMapper.createObjectNode();
		mqtt.put("code", code);
		mqtt.put("reason", reason);
		if (userProperties != null) {
			mqtt.set("userProperties", userPropertiesNode(userProperties));
		}
		else {
			mqtt.putNull("userProperties");
		}
		ObjectNode body = this.jsonMapper.createObjectNode();
		body.set("mqtt", mqtt);
		return json(status, new HttpHeaders(), this.jsonMapper.writeValueAsBytes(body));
	}

	private EventResult writeConnect(WebPubSubEventRequest request, ConnectEventResponse response) {
		ObjectNode body = this.jsonMapper.createObjectNode();
		boolean mqtt = request.getConnectionContext().isMqtt();
		if (mqtt && !response.getMqttUserProperties().isEmpty()) {
			ObjectNode properties = body.putObject("mqtt");
			properties.set("userProperties", userPropertiesNode(response.getMqttUserProperties()));
		}
		if (response.getUserId() != null) {
			body.put("userId", response.getUserId());
		}
		if (response.getGroups() != null) {
			response.getGroups().forEach(body.putArray("groups")::add);
		}
		String subprotocol = mqtt ? "mqtt" : response.getSubprotocol();
		if (subprotocol != null) {
			body.put("subprotocol", subprotocol);
		}
		if (response.getRoles() != null) {
			response.getRoles().forEach(body.putArray("roles")::add);
		}
		return json(200, statesHeaders(request, response.getStates()), this.jsonMapper.writeValueAsBytes(body));
	}

	private EventResult writeUser(WebPubSubEventRequest request, Object value) {
		if (value instanceof UserEventResponse user) {
			HttpHeaders headers = statesHeaders(request, user.getStates());
			byte[] data = user.getData();
			if (data.length == 0) {
				return new EventResult(204, headers, data);
			}
			headers.setContentType(contentType(user.getDataType()));
			return new EventResult(200, headers, data);
		}
		HttpHeaders headers = new HttpHeaders();
		if (value instanceof String text) {
			headers.setContentType(contentType(WebPubSubDataType.TEXT));
			return new EventResult(200, headers, text.getBytes(StandardCharsets.UTF_8));
		}
		if (value instanceof byte[] bytes) {
			headers.setContentType(contentType(WebPubSubDataType.BINARY));
			return new EventResult(200, headers, bytes);
		}
		return json(200, headers, this.jsonMapper.writeValueAsBytes(value));
	}

	/**
	 * Merges the response's states over the request's. The header is written only when states remain, or when
	 * the response cleared the request's states: the service keeps a connection's states while answers carry no
	 * header, so clearing them takes an empty object.
	 */
	private HttpHeaders statesHeaders(WebPubSubEventRequest request, ConnectionStates states) {
		HttpHeaders headers = new HttpHeaders();
		Map<String, byte[]> requestStates = request.getConnectionContext().getStates();
		Map<String, byte[]> merged = new LinkedHashMap<>();
		if (!states.clear()) {
			merged.putAll(requestStates);
		}
		merged.putAll(states.values());
		if (!merged.isEmpty() || (states.clear() && !requestStates.isEmpty())) {
			headers.set(STATES_HEADER, this.statesCodec.encode(merged));
		}
		return headers;
	}

	private ArrayNode userPropertiesNode(List<MqttUserProperty> userProperties) {
		ArrayNode array = this.jsonMapper.createArrayNode();
		userProperties.forEach((property) -> array.addObject().put("name", property.name()).put("value",
				property.value()));
		return array;
	}

	private static EventResult json(int status, HttpHeaders headers, byte[] body) {
		headers.setContentType(contentType(WebPubSubDataType.JSON));
		return new EventResult(status, headers, body);
	}

	private static MediaType contentType(WebPubSubDataType dataType) {
		MediaType mediaType = MediaType.parseMediaType(dataType.mediaType());
		return (dataType == WebPubSubDataType.BINARY) ? mediaType : new MediaType(mediaType, StandardCharsets.UTF_8);
	}

}
