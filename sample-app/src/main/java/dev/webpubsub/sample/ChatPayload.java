package dev.webpubsub.sample;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * JSON payload the chat sends to the page; {@code type} says how the page shows it, and only the fields of that
 * type are written.
 *
 * @param type {@code system}, {@code chat}, {@code private}, {@code room}, {@code presence}, {@code ack} or
 * {@code error}
 * @param room the room of a room message
 * @param from the sender of a chat, private or room message
 * @param to the target of a private message
 * @param text the text
 * @param users the users online, sorted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "room", "from", "to", "text", "users" })
record ChatPayload(String type, @Nullable String room, @Nullable String from, @Nullable String to,
		@Nullable String text, @Nullable List<String> users) {

	static ChatPayload system(String text) {
		return new ChatPayload("system", null, null, null, text, null);
	}

	static ChatPayload chat(String from, String text) {
		return new ChatPayload("chat", null, from, null, text, null);
	}

	static ChatPayload privateMessage(String from, String to, String text) {
		return new ChatPayload("private", null, from, to, text, null);
	}

	static ChatPayload room(String room, String from, String text) {
		return new ChatPayload("room", room, from, null, text, null);
	}

	static ChatPayload presence(List<String> users) {
		return new ChatPayload("presence", null, null, null, null, users);
	}

	static ChatPayload ack() {
		return new ChatPayload("ack", null, null, null, null, null);
	}

	static ChatPayload error(String text) {
		return new ChatPayload("error", null, null, null, text, null);
	}

}
