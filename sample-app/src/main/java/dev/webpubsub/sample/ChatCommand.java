package dev.webpubsub.sample;

/**
 * One line typed into the chat page, parsed by {@link ChatLineParser}: a chat line, a slash command, or the
 * reason the line is refused.
 */
sealed interface ChatCommand {

	/**
	 * Text to say to everyone in the hub.
	 * @param text the text, exactly as typed
	 */
	record Say(String text) implements ChatCommand {
	}

	/**
	 * Private message to one user, also shown to the sender.
	 * @param to the target user id
	 * @param text the text
	 */
	record Private(String to, String text) implements ChatCommand {
	}

	/**
	 * Join a room.
	 * @param room the room name
	 */
	record Join(String room) implements ChatCommand {
	}

	/**
	 * Leave a room.
	 * @param room the room name
	 */
	record Leave(String room) implements ChatCommand {
	}

	/**
	 * Message to the members of a room.
	 * @param room the room name
	 * @param text the text
	 */
	record RoomMessage(String room, String text) implements ChatCommand {
	}

	/**
	 * Line that is refused.
	 * @param reason one-line reason shown to the sender
	 */
	record Invalid(String reason) implements ChatCommand {
	}

}
