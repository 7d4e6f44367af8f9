package dev.webpubsub.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the sample page in real headless Chromium (two to three browsers at once) against the application
 * running on the embedded emulator, as {@code ./mvnw -pl sample-app -am spring-boot:run} runs it.
 * <p>
 * A message that must not reach a page is checked with a barrier instead of a sleep: the sender then says
 * something to everyone, and once that has arrived, anything sent before it would have arrived too.
 */
// The system Chromium may be newer than the DevTools bindings Selenium ships; the tests use WebDriver only.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.openqa.selenium.devtools=error",
				"logging.level.org.openqa.selenium.chromium=error" })
class ChatBrowserTests {

	/** Where the test leaves its screenshot of the page; docs/images/sample-chat.png is a copy. */
	static final Path SCREENSHOT = Path.of("target", "sample-chat.png");

	@LocalServerPort
	private int port;

	@TempDir
	private Path profiles;

	private final List<ChatPage> pages = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		this.pages.forEach(ChatPage::close);
	}

	@Test
	void aliceAndBobChatPrivatelyAndInRoomsWhileCarolSeesOnlyWhatIsHers() throws Exception {
		ChatPage alice = open("alice");
		alice.waitForMessage("system alice joined");
		ChatPage bob = open("bob");
		bob.waitForMessage("system bob joined");
		alice.waitForMessage("system bob joined");
		alice.waitForOnline("alice", "bob");
		bob.waitForOnline("alice", "bob");

		alice.send("Hi bob!");
		bob.waitForMessage("chat alice Hi bob!");
		alice.waitForMessage("chat alice Hi bob!");

		ChatPage carol = open("carol");
		for (ChatPage page : List.of(alice, bob, carol)) {
			page.waitForOnline("alice", "bob", "carol");
		}

		alice.send("/msg bob are you free at 5?");
		bob.waitForMessage("private alice → bob are you free at 5?");
		alice.waitForMessage("private alice → bob are you free at 5?");
		alice.send("Anyone up for a game?");
		carol.waitForMessage("chat alice Anyone up for a game?");
		carol.assertNoMessage("private alice → bob are you free at 5?");

		alice.send("/join games");
		alice.waitForMessage("system You joined #games");
		bob.send("/join games");
		bob.waitForMessage("system You joined #games");
		bob.send("/room games gg, one more?");
		alice.waitForMessage("room #games bob gg, one more?");
		bob.waitForMessage("room #games bob gg, one more?");
		bob.send("Back in a minute");
		carol.waitForMessage("chat bob Back in a minute");
		carol.assertNoMessage("room #games bob gg, one more?");

		alice.waitForMessage("chat bob Back in a minute");
		alice.screenshot(SCREENSHOT);

		alice.close();
		bob.waitForMessage("system alice left");
		bob.waitForOnline("bob", "carol");
	}

	@Test
	void malformedCommandIsAnsweredWithItsReason() {
		ChatPage dave = open("dave");
		dave.send("/msg bob");
		dave.waitForMessage("error Usage: /msg <user> <text>");
	}

	@Test
	void pageWithoutUserAsksForName() {
		ChatPage page = start();
		page.joinByName(baseUrl() + "/", "erin");
		page.waitForMessage("system erin joined");
	}

	@Test
	void pageWithInvalidUserAsksForAnotherName() {
		ChatPage page = start();
		assertThat(page.nameComplaint(baseUrl() + "/?user=frank%20smith"))
			.isEqualTo("Use 1–32 letters, digits, - or _");
		page.joinByName(baseUrl() + "/?user=frank%20smith", "frank");
		page.waitForMessage("system frank joined");
	}

	private ChatPage open(String user) {
		return start().join(baseUrl(), user);
	}

	private ChatPage start() {
		ChatPage page = new ChatPage(Chromium.start(profile()));
		this.pages.add(page);
		return page;
	}

	private Path profile() {
		try {
			return Files.createTempDirectory(this.profiles, "chromium");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
