package dev.webpubsub.emulator;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Handles one message of a JSON subprotocol client ({@code joinGroup}, {@code leaveGroup}, {@code sendToGroup},
 * {@code event}, {@code sequenceAck}, {@code ping}), and user events of any client.
 */
final class JsonMessageHandler {

	/** Close code for messages that cannot be understood. */
	private static final int CLOSE_INVALID_MESSAGE = 1003;

	/** Close code when an event cannot be handled upstream, as the service uses. */
	private static final int CLOSE_UPSTREAM_FAILED = 1011;

	private final EmulatedService service;

	private final ClientConnection connection;

	JsonMessageHandler(EmulatedService service, ClientConnection connection) {
		this.service = service;
		this.connection = connection;
	}

	Mono<Void> handle(byte[] data) {
		JsonNode message;
		try {
			message = this.service.jsonMapper().readTree(data);
		}
		catch (JacksonException ex) {
			message = null;
		}
		if (message == null || !message.isObject()) {
			this.service.close(this.connection, CLOSE_INVALID_MESSAGE, "Invalid message: expected a JSON object");
			return Mono.empty();
		}
		JsonNode ackIdNode = message.get("ackId");
		Long ackId = (ackIdNode != null && ackIdNode.isIntegralNumber() && ackIdNode.canConvertToLong())
				? ackIdNode.asLong() : null;
		JsonNode typeNode = message.get("type");
		String type = (typeNode != null && typeNode.isString()) ? typeNode.stringValue() : "";
		switch (type) {
			case "ping" -> {
				this.connection.sendControl("{\"type\":\"pong\"}");
				return Mono.empty();
			}
			case "sequenceAck" -> {
				JsonNode sequenceId = message.get("sequenceId");
				if (sequenceId != null && sequenceId.isIntegralNumber() && sequenceId.canConvertToLong()) {
					this.connection.acknowledge(sequenceId.asLong());
				}
				return Mono.empty();
			}
			case "joinGroup", "leaveGroup", "sendToGroup", "event" -> {
				if (ackId != null && !this.connection.firstUseOf(ackId)) {
					ackError(ackId, "Duplicate", "Message with ackId " + ackId + " is duplicated");
					return Mono.empty();
				}
				return type.equals("event") ? event(message, ackId) : groupRequest(type, message, ackId);
			}
			default -> {
				// Unknown types are ignored (newer clients may send them) unless the client waits for an ack.
				if (ackId != null) {
					ackError(ackId, "BadRequest", "Unsupported message type '" + type + "'");
				}
				return Mono.empty();
			}
		}
	}

	private Mono<Void> groupRequest(String type, JsonNode message, @Nullable Long ackId) {
		JsonNode groupNode = message.get("group");
		String group = (groupNode != null && groupNode.isString()) ? groupNode.stringValue() : null;
		if (!ClientEndpoint.isValidGroup(group)) {
			ackError(ackId, "BadRequest", "'group' must be a non-blank string of at most 1024 characters");
			return Mono.empty();
		}
		Hub hub = this.service.hub(this.connection.hub());
		if (type.equals("sendToGroup")) {
			if (!this.connection.permissions().allows(Permissions.SEND_TO_GROUP, group)) {
				ackError(ackId, "Forbidden", "The connection has no permission to send to group '" + group + "'");
				return Mono.empty();
			}
			Payload payload;
			try {
				payload = Payload.fromJsonMessage(message.get("dataType"), message.get("data"),
						this.service.jsonMapper());
			}
			catch (IllegalArgumentException ex) {
				ackError(ackId, "BadRequest", ex.getMessage());
				return Mono.empty();
			}
			boolean noEcho = message.path("noEcho").asBoolean(false);
			this.service.sendToGroup(hub, group,
					OutboundMessage.fromGroup(group, this.connection.userId(), payload, this.service.jsonMapper()),
					(member) -> !noEcho || member != this.connection);
		}
		else {
			if (!this.connection.permissions().allows(Permissions.JOIN_LEAVE_GROUP, group)) {
				ackError(ackId, "Forbidden", "The connection has no permission to join or leave group '" + group + "'");
				return Mono.empty();
			}
			if (type.equals("joinGroup")) {
				hub.join(this.connection, group);
			}
			else {
				hub.leave(this.connection, group);
			}
		}
		ackSuccess(ackId);
		return Mono.empty();
	}

	private Mono<Void> event(JsonNode message, @Nullable Long ackId) {
		JsonNode eventNode = message.get("event");
		if (eventNode == null || !eventNode.isString() || eventNode.stringValue().isBlank()) {
			ackError(ackId, "BadRequest", "'event' must be a non-blank string");
			return Mono.empty();
		}
		Payload payload;
		try {
			payload = Payload.fromJsonMessage(message.get("dataType"), message.get("data"), this.service.jsonMapper());
		}
		catch (IllegalArgumentException ex) {
			ackError(ackId, "BadRequest", ex.getMessage());
			return Mono.empty();
		}
		return userEvent(eventNode.stringValue(), payload, ackId);
	}

	/**
	 * Delivers a user event upstream and sends the handler's response body back to the client. As in the service,
	 * an event without a handler, or a handler that fails, closes the connection.
	 * @param eventName the event name
	 * @param payload the data
	 * @param ackId the ack id, or {@code null}
	 * @return completion
	 */
	Mono<Void> userEvent(String eventName, Payload payload, @Nullable Long ackId) {
		EventHandlerSettings handler = this.service.upstream().handler(this.connection.hub(), eventName, false);
		if (handler == null) {
			this.service.close(this.connection, CLOSE_UPSTREAM_FAILED,
					"No event handler is configured for event '" + eventName + "'");
			return Mono.empty();
		}
		return this.service.upstream()
			.send(handler, this.connection, eventName, false, payload.type().contentType(), payload.data())
			.doOnNext((response) -> {
				if (!response.isSuccess()) {
					this.service.close(this.connection, CLOSE_UPSTREAM_FAILED,
							"The event handler answered " + response.status() + " to event '" + eventName + "'");
					return;
				}
				if (response.connectionState() != null) {
					this.connection.connectionState(response.connectionState());
				}
				if (response.status() != 204 && response.body().length > 0) {
					this.connection.send(OutboundMessage.fromServer(
							Payload.fromHttp(response.contentType(), response.body()), this.service.jsonMapper()));
				}
				ackSuccess(ackId);
			})
			.onErrorResume(Upstream.UpstreamException.class, (ex) -> {
				this.service.close(this.connection, CLOSE_UPSTREAM_FAILED,
						"The event handler for event '" + eventName + "' could not be reached");
				return Mono.empty();
			})
			.then();
	}

	private void ackSuccess(@Nullable Long ackId) {
		if (ackId != null) {
			this.connection.sendControl("{\"type\":\"ack\",\"ackId\":" + ackId + ",\"success\":true}");
		}
	}

	private void ackError(@Nullable Long ackId, String name, String text) {
		if (ackId == null) {
			return;
		}
		ObjectNode ack = this.service.jsonMapper()
			.createObjectNode()
			.put("type", "ack")
			.put("ackId", ackId)
			.put("success", false);
		ack.putObject("error").put("name", name).put("message", text);
		this.connection.sendControl(new String(this.service.jsonMapper().writeValueAsBytes(ack), StandardCharsets.UTF_8));
	}

}
