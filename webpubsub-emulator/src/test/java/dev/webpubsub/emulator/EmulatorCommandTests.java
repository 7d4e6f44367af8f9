package dev.webpubsub.emulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The command line of the standalone emulator.
 */
class EmulatorCommandTests {

	@Test
	void defaultsMatchMicrosoftsEmulator() {
		EmulatorCommand.Options options = EmulatorCommand.Options.parse(new String[0]);
		assertThat(options.port()).isEqualTo(8080);
		assertThat(options.accessKey()).isEqualTo("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH");
		assertThat(options.help()).isFalse();
		assertThat(options.allowUnvalidatedEntraTokens()).isFalse();
	}

	@Test
	void buildsHandlersPerHubAndForEveryHub() {
		EmulatorCommand.Options options = EmulatorCommand.Options.parse(new String[] { "--port", "0",
				"--access-key=secret", "--upstream", "chat=http://localhost:8081/chat/{event}",
				"--upstream", "http://localhost:8081/eventhandler?code=a=b", "--system-events", "connect,connected",
				"--user-events", "message", "--allow-unvalidated-entra-tokens" });
		WebPubSubEmulator emulator = options.toBuilder().build().start();
		try {
			assertThat(emulator.connectionString()).startsWith("Endpoint=http://localhost:")
				.endsWith(";AccessKey=secret;Version=1.0;");
			List<EventHandlerSettings> chat = emulator.getEventHandlers("Chat");
			assertThat(chat).extracting(EventHandlerSettings::urlTemplate)
				.containsExactly("http://localhost:8081/chat/{event}", "http://localhost:8081/eventhandler?code=a=b");
			assertThat(chat.get(0).systemEvents()).containsExactlyInAnyOrder("connect", "connected");
			assertThat(chat.get(0).handles("message", false)).isTrue();
			assertThat(chat.get(0).handles("other", false)).isFalse();
			assertThat(chat.get(0).handles("disconnected", true)).isFalse();
			assertThat(emulator.getEventHandlers("other")).extracting(EventHandlerSettings::urlTemplate)
				.containsExactly("http://localhost:8081/eventhandler?code=a=b");
		}
		finally {
			emulator.stop();
		}
	}

	@Test
	void printsOneConnectionStringLine() {
		WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).build().start();
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			EmulatorCommand.printConnectionString(emulator, new PrintStream(bytes, true, StandardCharsets.UTF_8));
			assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("Connection string: Endpoint=http://127.0.0.1:"
					+ emulator.port() + ";AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;"
					+ System.lineSeparator());
		}
		finally {
			emulator.stop();
		}
	}

	@Test
	void recognisesHelp() {
		assertThat(EmulatorCommand.Options.parse(new String[] { "--help" }).help()).isTrue();
		assertThat(EmulatorCommand.USAGE).contains("--port", "--access-key", "--upstream", "--system-events",
				"--user-events", "--allow-unvalidated-entra-tokens", "--help");
	}

	@Test
	void rejectsBadArgumentsWithOneLineMessages() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--port", "http"))
			.withMessage("--port must be a number from 0 to 65535, not 'http'");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--port"))
			.withMessage("--port needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--what"))
			.withMessage("unknown option '--what'");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--upstream", "ftp://x/{event}"))
			.withMessageStartingWith("--upstream: the URL template must be an absolute http or https URL");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--upstream", "1hub=http://x/{event}"))
			.withMessage("--upstream: invalid hub name '1hub'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> parse("--upstream", "http://x/{event}", "--system-events", "connect,oops"))
			.withMessageContaining("--system-events");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--access-key", ""))
			.withMessage("--access-key must not be empty");
	}

	private static EmulatorCommand.Options parse(String... args) {
		return EmulatorCommand.Options.parse(args);
	}

}
