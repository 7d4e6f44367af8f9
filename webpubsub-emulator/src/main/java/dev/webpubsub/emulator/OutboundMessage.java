package dev.webpubsub.emulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message on its way to clients: from the server (REST, upstream responses) or from a group. The JSON form is
 * rendered once and shared by every JSON client that receives it.
 */
final class OutboundMessage {

	private final Payload payload;

	private final @Nullable String group;

	private final @Nullable String fromUserId;

	private final JsonMapper jsonMapper;

	private volatile @Nullable ObjectNode json;

	private volatile @Nullable String jsonText;

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

	Payload payload() {
		return this.payload;
	}

	/**
	 * Returns the {@code message} of the JSON subprotocols, without a sequence id.
	 * @return the message text
	 */
	String jsonText() {
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
		return this.jsonMapper.writeValueAsString(json().deepCopy().put("sequenceId", sequenceId));
	}

	private ObjectNode json() {
		ObjectNode message = this.json;
		if (message == null) {
			message = this.jsonMapper.createObjectNode().put("type", "message");
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
			this.json = message;
		}
		return message;
	}

}
