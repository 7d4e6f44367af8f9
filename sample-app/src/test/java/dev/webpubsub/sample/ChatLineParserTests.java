package dev.webpubsub.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.webpubsub.sample.ChatCommand.Invalid;
import dev.webpubsub.sample.ChatCommand.Join;
import dev.webpubsub.sample.ChatCommand.Leave;
import dev.webpubsub.sample.ChatCommand.Private;
import dev.webpubsub.sample.ChatCommand.RoomMessage;
import dev.webpubsub.sample.ChatCommand.Say;

import static org.assertj.core.api.Assertions.assertThat;

class ChatLineParserTests {

	@Test
	void plainLineIsSaidExactlyAsTyped() {
		assertThat(ChatLineParser.parse("hello")).isEqualTo(new Say("hello"));
		assertThat(ChatLineParser.parse(" hi  there ")).isEqualTo(new Say(" hi  there "));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t\n" })
	void blankLineIsRefused(String line) {
		assertThat(ChatLineParser.parse(line)).isEqualTo(new Invalid("Empty message"));
	}

	@Test
	void textOfTwoThousandCharactersIsAccepted() {
		String text = "x".repeat(2000);
		assertThat(ChatLineParser.parse(text)).isEqualTo(new Say(text));
		assertThat(ChatLineParser.parse("/msg bob " + text)).isEqualTo(new Private("bob", text));
		assertThat(ChatLineParser.parse("/room games " + text)).isEqualTo(new RoomMessage("games", text));
	}

	@Test
	void textLongerThanTwoThousandCharactersIsRefused() {
		Invalid tooLong = new Invalid("Message is longer than 2000 characters");
		String text = "x".repeat(2001);
		assertThat(ChatLineParser.parse(text)).isEqualTo(tooLong);
		assertThat(ChatLineParser.parse("/msg bob " + text)).isEqualTo(tooLong);
		assertThat(ChatLineParser.parse("/room games " + text)).isEqualTo(tooLong);
	}

	@Test
	void lengthCountsCharactersNotUtf16Units() {
		String text = "\uD83D\uDE00".repeat(2000);
		assertThat(ChatLineParser.parse(text)).isEqualTo(new Say(text));
	}

	@Test
	void privateMessageNamesTargetAndText() {
		assertThat(ChatLineParser.parse("/msg bob see you at 5")).isEqualTo(new Private("bob", "see you at 5"));
		assertThat(ChatLineParser.parse("/msg  bob   hi  ")).isEqualTo(new Private("bob", "hi"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/msg", "/msg bob", "/msg bob   ", "/msg  " })
	void privateMessageWithoutTextIsRefused(String line) {
		assertThat(ChatLineParser.parse(line)).isEqualTo(new Invalid("Usage: /msg <user> <text>"));
	}

	@Test
	void privateMessageToInvalidUserIdIsRefused() {
		assertThat(ChatLineParser.parse("/msg b@b hi")).isInstanceOf(Invalid.class)
			.hasToString("Invalid[reason=Invalid user id in /msg: use 1-32 letters, digits, - or _]");
	}

	@Test
	void joinAndLeaveNameOneRoom() {
		assertThat(ChatLineParser.parse("/join games")).isEqualTo(new Join("games"));
		assertThat(ChatLineParser.parse("/leave games ")).isEqualTo(new Leave("games"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/join", "/join two rooms", "/join r%m", "/leave", "/leave a b" })
	void joinOrLeaveWithoutOneValidRoomIsRefused(String line) {
		assertThat(ChatLineParser.parse(line)).isInstanceOfSatisfying(Invalid.class,
				(invalid) -> assertThat(invalid.reason()).startsWith("Usage: /"));
	}

	@Test
	void roomMessageNamesRoomAndText() {
		assertThat(ChatLineParser.parse("/room games gg all")).isEqualTo(new RoomMessage("games", "gg all"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/room", "/room games", "/room g!mes hi" })
	void roomMessageWithoutValidRoomAndTextIsRefused(String line) {
		assertThat(ChatLineParser.parse(line)).isEqualTo(
				new Invalid("Usage: /room <room> <text> (a room name is 1-32 letters, digits, - or _)"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/nick bob", "/MSG bob hi", "/ hi" })
	void unknownCommandIsRefused(String line) {
		assertThat(ChatLineParser.parse(line))
			.isEqualTo(new Invalid("Unknown command: use /msg, /join, /leave or /room"));
	}

}
