package dev.webpubsub.emulator;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message on its way to clients: from the server (REST, upstream responses) or from a group. Each form is
 * rendered once and its bytes are shared by every client that receives it; only reliable clients, whose messages
 * carry their own sequence ids, get a text of their own.
 */
final class OutboundMessage {

	private final Payload payload;

	private final @Nullable String group;

	private final @Nullable String fromUserId;

	private final JsonMapper jsonMapper;

	private volatile @Nullable String jsonText;

	private volatile @Nullable ByteBuf simpleBytes;

	private volatile @Nullable ByteBuf jsonBytes;

	private OutboundMessage(Payload payload, @Nullable String group, @Nullable String fromUserId,
			JsonMapper jsonMapper) {
		this.payload = payload;
		this.group = group;
		this.fromUserId = fromUserId;
		this.jsonMapper = jsonMapper;
	}

	static OutboundMessage fromServer(Payload payload, JsonMapper jsonMapper) {
		return new OutboundMessage(payload, null, null, jsonMapper);
	}

	static OutboundMessage fromGroup(String group, @Nullable String fromUserId, Payload payload,
			JsonMapper jsonMapper) {
		return new OutboundMessage(payload, group, fromUserId, jsonMapper);
	}

	/**
	 * Returns the {@code message} of the JSON subprotocols, without a sequence id.
	 * @return the message text
	 */
	private String jsonText() {
		String text = this.jsonText;
		if (text == null) {
			text = this.jsonMapper.writeValueAsString(json());
			this.jsonText = text;
		}
		return text;
	}

	/**
	 * Returns the {@code message} of the reliable JSON subprotocol with its sequence id.
	 * @param sequenceId the sequence id
	 * @return the message text
	 */
	String jsonText(long sequenceId) {
		// The sequence id goes last, spliced into the shared text instead of rendering the message again.
		String text = jsonText();
		return text.substring(0, text.length() - 1) + ",\"sequenceId\":" + sequenceId + "}";
	}

	/**
	 * Returns a frame for a simple WebSocket client: the bare payload.
	 * @return a new frame over the shared bytes
	 */
	WebSocketFrame simpleFrame() {
		ByteBuf bytes = this.simpleBytes;
		if (bytes == null) {
			bytes = shared(this.payload.data());
			this.simpleBytes = bytes;
		}
		return (this.payload.type() == Payload.DataType.BINARY) ? new BinaryWebSocketFrame(bytes.duplicate())
				: new TextWebSocketFrame(bytes.duplicate());
	}

	/**
	 * Returns a frame for a {@code json.webpubsub.azure.v1} client.
	 * @return a new frame over the shared bytes
	 */
	WebSocketFrame jsonFrame() {
		ByteBuf bytes = this.jsonBytes;
		if (bytes == null) {
			bytes = shared(jsonText().getBytes(StandardCharsets.UTF_8));
			this.jsonBytes = bytes;
		}
		return new TextWebSocketFrame(bytes.duplicate());
	}

	/**
	 * Wraps bytes for any number of frames: duplicates have their own indexes, and releasing a frame (as the
	 * encoder does) leaves the heap bytes to the garbage collector.
	 */
	private static ByteBuf shared(byte[] data) {
		return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(data));
	}

	private ObjectNode json() {
		ObjectNode message = this.jsonMapper.createObjectNode().put("type", "message");
		if (this.group != null) {
			message.put("from", "group").put("group", this.group);
		}
		else {
			message.put("from", "server");
		}
		message.put("dataType", this.payload.type().wireName());
		message.set("data", this.payload.toJsonData(this.jsonMapper));
		if (this.fromUserId != null) {
			message.put("fromUserId", this.fromUserId);
		}
		return message;
	}

}
