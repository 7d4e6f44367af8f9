package dev.webpubsub.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Message data with its type, as it travels between REST calls, upstream responses and clients.
 *
 * @param type the data type
 * @param data the raw bytes (UTF-8 text for text and JSON)
 */
record Payload(DataType type, byte[] data) {

	/**
	 * Reads a payload from an HTTP body.
	 * @param contentType the {@code Content-Type}, may be {@code null}
	 * @param body the body
	 * @return the payload
	 */
	static Payload fromHttp(@Nullable String contentType, byte[] body) {
		return new Payload(DataType.fromContentType(contentType), body);
	}

	/**
	 * Reads the {@code data} of a JSON subprotocol message.
	 * @param dataType the {@code dataType} field, may be {@code null} (JSON)
	 * @param data the {@code data} field
	 * @param jsonMapper the mapper
	 * @return the payload
	 * @throws IllegalArgumentException if the data does not fit the type
	 */
	static Payload fromJsonMessage(@Nullable JsonNode dataType, @Nullable JsonNode data, JsonMapper jsonMapper) {
		String type = (dataType == null || dataType.isNull()) ? "json" : dataType.isString() ? dataType.stringValue() : "";
		switch (type) {
			case "json":
				return new Payload(DataType.JSON, jsonMapper.writeValueAsBytes((data != null) ? data : StringNode.valueOf("")));
			case "text":
				if (data == null || !data.isString()) {
					throw new IllegalArgumentException("'data' must be a string for dataType text");
				}
				return new Payload(DataType.TEXT, data.stringValue().getBytes(StandardCharsets.UTF_8));
			case "binary":
				if (data == null || !data.isString()) {
					throw new IllegalArgumentException("'data' must be a base64 string for dataType binary");
				}
				return new Payload(DataType.BINARY, Base64.getDecoder().decode(data.stringValue()));
			default:
				throw new IllegalArgumentException("Unsupported dataType '" + type + "', use json, text or binary");
		}
	}

	/**
	 * Returns the data as a JSON subprotocol {@code data} value.
	 * @param jsonMapper the mapper
	 * @return the value
	 */
	JsonNode toJsonData(JsonMapper jsonMapper) {
		return switch (this.type) {
			case TEXT -> StringNode.valueOf(new String(this.data, StandardCharsets.UTF_8));
			case BINARY -> StringNode.valueOf(Base64.getEncoder().encodeToString(this.data));
			case JSON -> readJson(jsonMapper);
		};
	}

	private JsonNode readJson(JsonMapper jsonMapper) {
		try {
			return jsonMapper.readTree(this.data);
		}
		catch (JacksonException ex) {
			// Data that claims to be JSON but is not still reaches the client, as text.
			return StringNode.valueOf(new String(this.data, StandardCharsets.UTF_8));
		}
	}

	/**
	 * Data types of the service, with their wire names and content types.
	 */
	enum DataType {

		TEXT("text", "text/plain"), JSON("json", "application/json"),
		BINARY("binary", "application/octet-stream");

		private final String wireName;

		private final String contentType;

		DataType(String wireName, String contentType) {
			this.wireName = wireName;
			this.contentType = contentType;
		}

		String wireName() {
			return this.wireName;
		}

		String contentType() {
			return this.contentType;
		}

		/**
		 * Maps a content type; a missing one means binary, as in the service.
		 * @param contentType the content type or {@code null}
		 * @return the data type
		 */
		static DataType fromContentType(@Nullable String contentType) {
			if (contentType == null) {
				return BINARY;
			}
			String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
			if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
				return JSON;
			}
			return mediaType.startsWith("text/") ? TEXT : BINARY;
		}

	}

}
