package dev.webpubsub.sample;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.webpubsub.sample.ChatCommand.Invalid;
import dev.webpubsub.sample.ChatCommand.Join;
import dev.webpubsub.sample.ChatCommand.Leave;
import dev.webpubsub.sample.ChatCommand.Private;
import dev.webpubsub.sample.ChatCommand.RoomMessage;
import dev.webpubsub.sample.ChatCommand.Say;

/**
 * Parses the lines typed into the chat page: {@code /msg <user> <text>}, {@code /join <room>},
 * {@code /leave <room>}, {@code /room <room> <text>}, or any other text to say to everyone.
 */
final class ChatLineParser {

	/** Longest text a line may carry, in characters. */
	static final int MAX_TEXT_LENGTH = 2000;

	private static final Pattern COMMAND = Pattern.compile("/(\\S+)(?:\\s+(.*))?", Pattern.DOTALL);

	private static final Pattern NAME_AND_TEXT = Pattern.compile("(\\S+)\\s+(.*\\S.*)", Pattern.DOTALL);

	private ChatLineParser() {
	}

	/**
	 * Parses one line.
	 * @param line the line as the user typed it
	 * @return the command, or {@link Invalid} with a one-line reason
	 */
	static ChatCommand parse(String line) {
		if (line.isBlank()) {
			return new Invalid("Empty message");
		}
		if (!line.startsWith("/")) {
			return checkLength(line, new Say(line));
		}
		Matcher command = COMMAND.matcher(line.strip());
		if (!command.matches()) {
			return unknownCommand();
		}
		String arguments = (command.group(2) != null) ? command.group(2).strip() : "";
		return switch (command.group(1)) {
			case "msg" -> parsePrivate(arguments);
			case "join" -> ChatNames.isValid(arguments) ? new Join(arguments) : roomUsage("/join <room>");
			case "leave" -> ChatNames.isValid(arguments) ? new Leave(arguments) : roomUsage("/leave <room>");
			case "room" -> parseRoomMessage(arguments);
			default -> unknownCommand();
		};
	}

	private static ChatCommand parsePrivate(String arguments) {
		Matcher matcher = NAME_AND_TEXT.matcher(arguments);
		if (!matcher.matches()) {
			return new Invalid("Usage: /msg <user> <text>");
		}
		String to = matcher.group(1);
		if (!ChatNames.isValid(to)) {
			return new Invalid("Invalid user id in /msg: use " + ChatNames.RULE);
		}
		return checkLength(matcher.group(2), new Private(to, matcher.group(2)));
	}

	private static ChatCommand parseRoomMessage(String arguments) {
		Matcher matcher = NAME_AND_TEXT.matcher(arguments);
		if (!matcher.matches() || !ChatNames.isValid(matcher.group(1))) {
			return roomUsage("/room <room> <text>");
		}
		return checkLength(matcher.group(2), new RoomMessage(matcher.group(1), matcher.group(2)));
	}

	private static Invalid roomUsage(String usage) {
		return new Invalid("Usage: " + usage + " (a room name is " + ChatNames.RULE + ")");
	}

	private static Invalid unknownCommand() {
		return new Invalid("Unknown command: use /msg, /join, /leave or /room");
	}

	private static ChatCommand checkLength(String text, ChatCommand command) {
		if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
			return new Invalid("Message is longer than " + MAX_TEXT_LENGTH + " characters");
		}
		return command;
	}

}
