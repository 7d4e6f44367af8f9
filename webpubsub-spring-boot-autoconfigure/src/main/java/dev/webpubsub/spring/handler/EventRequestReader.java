package dev.webpubsub.spring.handler;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import dev.webpubsub.spring.event.ClientCertificate;
import dev.webpubsub.spring.event.ConnectEventRequest;
import dev.webpubsub.spring.event.ConnectedEventRequest;
import dev.webpubsub.spring.event.DisconnectedEventRequest;
import dev.webpubsub.spring.event.GroupJoinedEventRequest;
import dev.webpubsub.spring.event.GroupLeftEventRequest;
import dev.webpubsub.spring.event.MqttConnectEventRequest;
import dev.webpubsub.spring.event.MqttConnectProperties;
import dev.webpubsub.spring.event.MqttDisconnectPacket;
import dev.webpubsub.spring.event.MqttDisconnectedEventRequest;
import dev.webpubsub.spring.event.MqttUserProperty;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.event.WebPubSubDataType;
import dev.webpubsub.spring.event.WebPubSubEventRequest;

/**
 * Turns the body of an upstream request into the typed request of its event kind. JSON is read as a tree so that
 * unknown or missing fields never fail; malformed JSON and text that is not UTF-8 raise
 * {@link BadEventException}.
 *
 * @author Web PubSub for Spring Boot team
 */
final class EventRequestReader {

	private final JsonMapper jsonMapper;

	EventRequestReader(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	WebPubSubEventRequest read(EventKind kind, WebPubSubConnectionContext context, byte[] body,
			@Nullable WebPubSubDataType dataType) {
		return switch (kind) {
			case CONNECT -> readConnect(context, readJson(body));
			case CONNECTED -> new ConnectedEventRequest(context);
			case DISCONNECTED -> readDisconnected(context, readJson(body));
			case USER -> readUser(context, body, (dataType != null) ? dataType : WebPubSubDataType.BINARY);
			case GROUP_JOINED -> new GroupJoinedEventRequest(context, group(readJson(body)));
			case GROUP_LEFT -> new GroupLeftEventRequest(context, group(readJson(body)));
		};
	}

	private JsonNode readJson(byte[] body) {
		if (body.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			return this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new BadEventException("Request body is not valid JSON");
		}
	}

	private static ConnectEventRequest readConnect(WebPubSubConnectionContext context, JsonNode body) {
		Map<String, List<String>> claims = stringListMap(body.path("claims"));
		Map<String, List<String>> query = stringListMap(body.path("query"));
		List<String> subprotocols = stringList(body.path("subprotocols"));
		List<ClientCertificate> certificates = new ArrayList<>();
		for (JsonNode certificate : body.path("clientCertificates")) {
			certificates.add(new ClientCertificate(certificate.path("thumbprint").asString(""),
					text(certificate.path("content"))));
		}
		Map<String, List<String>> headers = stringListMap(body.path("headers"));
		JsonNode mqtt = body.path("mqtt");
		if (context.isMqtt() && mqtt.isObject()) {
			MqttConnectProperties properties = new MqttConnectProperties(mqtt.path("protocolVersion").asInt(4),
					text(mqtt.path("username")), text(mqtt.path("password")),
					userProperties(mqtt.path("userProperties")));
			return new MqttConnectEventRequest(context, claims, query, subprotocols, certificates, headers,
					properties);
		}
		return new ConnectEventRequest(context, claims, query, subprotocols, certificates, headers);
	}

	private static DisconnectedEventRequest readDisconnected(WebPubSubConnectionContext context, JsonNode body) {
		String reason = text(body.path("reason"));
		JsonNode mqtt = body.path("mqtt");
		if (context.isMqtt() && mqtt.isObject()) {
			JsonNode packet = mqtt.path("disconnectPacket");
			MqttDisconnectPacket disconnectPacket = packet.isObject()
					? new MqttDisconnectPacket(packet.path("code").asInt(), userProperties(packet.path("userProperties")))
					: null;
			return new MqttDisconnectedEventRequest(context, reason, mqtt.path("initiatedByClient").asBoolean(false),
					disconnectPacket);
		}
		return new DisconnectedEventRequest(context, reason);
	}

	private static UserEventRequest readUser(WebPubSubConnectionContext context, byte[] body,
			WebPubSubDataType dataType) {
		if (dataType != WebPubSubDataType.BINARY) {
			requireUtf8(body);
		}
		return new UserEventRequest(context, body, dataType);
	}

	private static void requireUtf8(byte[] body) {
		if (!isUtf8(body)) {
			throw new BadEventException("Message data is not valid UTF-8 text");
		}
	}

	/**
	 * Whether bytes are valid UTF-8 (the JDK's decoders replace bad input silently unless told to report it).
	 * @param bytes the bytes
	 * @return whether they decode as UTF-8
	 */
	static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static String group(JsonNode body) {
		String group = text(body.path("group"));
		if (group == null) {
			throw new BadEventException("Request body has no 'group'");
		}
		return group;
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isNull() || node.isMissingNode()) ? null : node.asString();
	}

	private static List<String> stringList(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((value) -> values.add(value.asString()));
		}
		else if (node.isValueNode() && !node.isNull()) {
			values.add(node.asString());
		}
		return values;
	}

	private static Map<String, List<String>> stringListMap(JsonNode node) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		if (node.isObject()) {
			node.properties().forEach((entry) -> map.put(entry.getKey(), List.copyOf(stringList(entry.getValue()))));
		}
		return map;
	}

	private static List<MqttUserProperty> userProperties(JsonNode node) {
		List<MqttUserProperty> properties = new ArrayList<>();
		for (JsonNode property : node) {
			properties.add(new MqttUserProperty(property.path("name").asString(""), property.path("value").asString("")));
		}
		return properties;
	}

}
