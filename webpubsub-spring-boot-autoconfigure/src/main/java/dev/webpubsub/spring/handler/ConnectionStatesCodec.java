package dev.webpubsub.spring.handler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the {@code ce-connectionState} header. Writes the .NET SDK's encoding, base64 of a UTF-8 JSON
 * object whose values are base64 of each state's raw bytes. Reads that encoding and also the JS SDK's, base64 of
 * a JSON object with plain JSON values (a string value becomes its UTF-8 bytes, any other value its JSON text). An
 * object is read as the .NET form when every value is a string that decodes from base64 to valid UTF-8, which JS
 * values such as {@code "val2"} never do.
 *
 * @author Web PubSub for Spring Boot team
 */
final class ConnectionStatesCodec {

	private final JsonMapper jsonMapper;

	ConnectionStatesCodec(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Decodes a header value.
	 * @param header the header value; {@code null} or empty means no states
	 * @return the states
	 * @throws IllegalArgumentException if the value is not base64 of a JSON object
	 */
	Map<String, byte[]> decode(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return Map.of();
		}
		JsonNode node;
		try {
			node = this.jsonMapper.readTree(Base64.getDecoder().decode(header.trim()));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new IllegalArgumentException("Header ce-connectionState is not base64-encoded JSON");
		}
		if (!(node instanceof ObjectNode object)) {
			throw new IllegalArgumentException("Header ce-connectionState does not hold a JSON object");
		}
		Map<String, byte[]> dotNet = decodeDotNet(object);
		return (dotNet != null) ? dotNet : decodeJs(object);
	}

	private static @Nullable Map<String, byte[]> decodeDotNet(ObjectNode object) {
		Map<String, byte[]> states = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			if (!entry.getValue().isString()) {
				return null;
			}
			byte[] value;
			try {
				value = Base64.getDecoder().decode(entry.getValue().asString());
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			if (!EventRequestReader.isUtf8(value)) {
				return null;
			}
			states.put(entry.getKey(), value);
		}
		return states;
	}

	private Map<String, byte[]> decodeJs(ObjectNode object) {
		Map<String, byte[]> states = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			JsonNode value = entry.getValue();
			states.put(entry.getKey(), value.isString() ? value.asString().getBytes(StandardCharsets.UTF_8)
					: this.jsonMapper.writeValueAsBytes(value));
		}
		return states;
	}

	/**
	 * Encodes states in the .NET form.
	 * @param states the states
	 * @return the header value
	 */
	String encode(Map<String, byte[]> states) {
		ObjectNode object = this.jsonMapper.createObjectNode();
		states.forEach((key, value) -> object.put(key, Base64.getEncoder().encodeToString(value)));
		return Base64.getEncoder().encodeToString(this.jsonMapper.writeValueAsBytes(object));
	}

}
