package dev.webpubsub.spring.template;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message to send to clients: its data and the content type that tells subscribers how to read it
 * ({@code text/plain}, {@code application/json} or {@code application/octet-stream}).
 * <p>
 * A {@linkplain #json(Object) JSON message} made from an object is serialised when it is sent, with the
 * template's {@link JsonMapper} (Spring Boot's mapper when the template is auto-configured).
 *
 * @author Web PubSub for Spring Boot team
 */
public final class WebPubSubMessage {

	private final MediaType contentType;

	private final Object data;

	private WebPubSubMessage(MediaType contentType, Object data) {
		this.contentType = contentType;
		this.data = data;
	}

	/**
	 * Creates a text message ({@code text/plain}, UTF-8).
	 * @param text the text
	 * @return the message
	 */
	public static WebPubSubMessage text(String text) {
		return new WebPubSubMessage(MediaType.TEXT_PLAIN, requireData(text));
	}

	/**
	 * Creates a JSON message ({@code application/json}) from any value, serialised with the template's Jackson
	 * {@link JsonMapper} when the message is sent. A {@code String} becomes a JSON string; use
	 * {@link #rawJson(String)} for text that already is JSON.
	 * @param value the value to serialise
	 * @return the message
	 */
	public static WebPubSubMessage json(Object value) {
		return new WebPubSubMessage(MediaType.APPLICATION_JSON, new JsonValue(requireData(value)));
	}

	/**
	 * Creates a JSON message ({@code application/json}) from text that already is JSON, sent as is, like the
	 * {@code json} data type of the Azure Functions output binding.
	 * @param json the JSON text
	 * @return the message
	 */
	public static WebPubSubMessage rawJson(String json) {
		return new WebPubSubMessage(MediaType.APPLICATION_JSON, requireData(json));
	}

	/**
	 * Creates a binary message ({@code application/octet-stream}).
	 * @param data the bytes, copied
	 * @return the message
	 */
	public static WebPubSubMessage binary(byte[] data) {
		return new WebPubSubMessage(MediaType.APPLICATION_OCTET_STREAM, requireData(data).clone());
	}

	private static <T> T requireData(T data) {
		if (data == null) {
			throw new IllegalArgumentException("'data' must not be null");
		}
		return data;
	}

	/**
	 * Returns the content type of the request that sends this message.
	 * @return {@code text/plain}, {@code application/json} or {@code application/octet-stream}
	 */
	public MediaType getContentType() {
		return this.contentType;
	}

	/**
	 * Returns the bytes that are sent.
	 * @param jsonMapper the mapper for a message made with {@link #json(Object)}
	 * @return the request body
	 */
	public byte[] toBytes(JsonMapper jsonMapper) {
		if (this.data instanceof JsonValue json) {
			return jsonMapper.writeValueAsBytes(json.value());
		}
		if (this.data instanceof byte[] bytes) {
			return bytes.clone();
		}
		return ((String) this.data).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof WebPubSubMessage that) || !this.contentType.equals(that.contentType)) {
			return false;
		}
		return (this.data instanceof byte[] bytes && that.data instanceof byte[] thatBytes)
				? Arrays.equals(bytes, thatBytes) : this.data.equals(that.data);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.contentType,
				(this.data instanceof byte[] bytes) ? Arrays.hashCode(bytes) : this.data.hashCode());
	}

	@Override
	public String toString() {
		String size = (this.data instanceof byte[] bytes) ? bytes.length + " bytes"
				: (this.data instanceof String text) ? text.length() + " chars" : "object";
		return "WebPubSubMessage[contentType=" + this.contentType + ", data=" + size + "]";
	}

	private record JsonValue(Object value) {

	}

}
