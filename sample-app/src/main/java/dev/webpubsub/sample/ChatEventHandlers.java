package dev.webpubsub.sample;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.sample.ChatCommand.Invalid;
import dev.webpubsub.sample.ChatCommand.Join;
import dev.webpubsub.sample.ChatCommand.Leave;
import dev.webpubsub.sample.ChatCommand.Private;
import dev.webpubsub.sample.ChatCommand.RoomMessage;
import dev.webpubsub.sample.ChatCommand.Say;
import dev.webpubsub.spring.annotation.WebPubSubEventHandler;
import dev.webpubsub.spring.event.ConnectEventResponse;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.UserEventResponse;
import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.event.WebPubSubDataType;
import dev.webpubsub.spring.event.WebPubSubErrorCode;
import dev.webpubsub.spring.event.WebPubSubEventException;
import dev.webpubsub.spring.template.WebPubSubException;
import dev.webpubsub.spring.template.WebPubSubMessage;
import dev.webpubsub.spring.template.WebPubSubOperations;

import org.springframework.stereotype.Component;

/**
 * Handles the chat hub's events (the hub is {@code WebPubSubHub}, {@code chat}): admits users, keeps the list of
 * who is online, and turns each line typed into the page into messages sent with the template.
 */
@Component
class ChatEventHandlers {

	/** Group every connection joins when it connects. */
	static final String LOBBY = "lobby";

	private static final Log logger = LogFactory.getLog(ChatEventHandlers.class);

	private final WebPubSubOperations webPubSub;

	private final JsonMapper jsonMapper;

	private final PresenceRegistry presence = new PresenceRegistry();

	ChatEventHandlers(WebPubSubOperations webPubSub, JsonMapper jsonMapper) {
		this.webPubSub = webPubSub;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Admits a connection with a valid user id into the lobby; the service answers anyone else with 400 and
	 * this reason, and closes the socket.
	 */
	@WebPubSubEventHandler(event = "connect")
	ConnectEventResponse connect(WebPubSubConnectionContext context) {
		String userId = context.getUserId();
		if (userId == null) {
			throw new WebPubSubEventException(WebPubSubErrorCode.USER_ERROR,
					"Missing user id: negotiate with /negotiate?userId=<name>");
		}
		if (!ChatNames.isValid(userId)) {
			throw new WebPubSubEventException(WebPubSubErrorCode.USER_ERROR,
					"Invalid user id: use " + ChatNames.RULE);
		}
		return ConnectEventResponse.builder().groups(LOBBY).build();
	}

	@WebPubSubEventHandler(event = "connected")
	void connected(WebPubSubConnectionContext context) {
		String userId = userId(context);
		this.presence.connected(context.getConnectionId(), userId,
				(users) -> announce(userId + " joined", users));
	}

	@WebPubSubEventHandler(event = "disconnected")
	void disconnected(WebPubSubConnectionContext context) {
		String userId = userId(context);
		this.presence.disconnected(context.getConnectionId(), (users) -> announce(userId + " left", users));
	}

	/**
	 * Carries out one line typed into the page and answers the sender with an ack or an error.
	 */
	@WebPubSubEventHandler(event = "message")
	UserEventResponse message(UserEventRequest request, WebPubSubConnectionContext context) {
		if (request.getDataType() != WebPubSubDataType.TEXT) {
			return reply(ChatPayload.error("Send each line as text"));
		}
		ChatCommand command = ChatLineParser.parse(request.getDataAsString());
		if (command instanceof Invalid invalid) {
			return reply(ChatPayload.error(invalid.reason()));
		}
		try {
			carryOut(command, userId(context), context.getConnectionId());
		}
		catch (WebPubSubException ex) {
			// Answering with an error keeps the sender connected; a failed handler would make the service close it.
			logger.warn("Could not carry out a chat line of connection " + context.getConnectionId(), ex);
			return reply(ChatPayload.error("Could not deliver your message, please try again"));
		}
		return reply(ChatPayload.ack());
	}

	private void carryOut(ChatCommand command, String userId, String connectionId) {
		if (command instanceof Say say) {
			this.webPubSub.sendToAll(WebPubSubMessage.json(ChatPayload.chat(userId, say.text())));
		}
		else if (command instanceof Private privateMessage) {
			sendPrivate(userId, privateMessage);
		}
		else if (command instanceof Join join) {
			this.webPubSub.addConnectionToGroup(roomGroup(join.room()), connectionId);
		}
		else if (command instanceof Leave leave) {
			this.webPubSub.removeConnectionFromGroup(roomGroup(leave.room()), connectionId);
		}
		else if (command instanceof RoomMessage roomMessage) {
			this.webPubSub.sendToGroup(roomGroup(roomMessage.room()),
					WebPubSubMessage.json(ChatPayload.room(roomMessage.room(), userId, roomMessage.text())));
		}
	}

	private void announce(String text, List<String> users) {
		this.webPubSub.sendToAll(WebPubSubMessage.json(ChatPayload.system(text)));
		this.webPubSub.sendToAll(WebPubSubMessage.json(ChatPayload.presence(users)));
	}

	private void sendPrivate(String from, Private privateMessage) {
		WebPubSubMessage message = WebPubSubMessage
			.json(ChatPayload.privateMessage(from, privateMessage.to(), privateMessage.text()));
		this.webPubSub.sendToUser(privateMessage.to(), message);
		// The sender sees the message in all their tabs; once is enough when writing to oneself.
		if (!privateMessage.to().equals(from)) {
			this.webPubSub.sendToUser(from, message);
		}
	}

	private UserEventResponse reply(ChatPayload payload) {
		return UserEventResponse.json(this.jsonMapper.writeValueAsString(payload));
	}

	private static String roomGroup(String room) {
		return "room-" + room;
	}

	private static String userId(WebPubSubConnectionContext context) {
		// connect admits only connections with a valid user id, so later events always carry one.
		String userId = context.getUserId();
		if (userId == null) {
			throw new WebPubSubEventException(WebPubSubErrorCode.USER_ERROR, "Missing user id");
		}
		return userId;
	}

}
