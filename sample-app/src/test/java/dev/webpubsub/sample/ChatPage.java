package dev.webpubsub.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in one browser, as the browser tests see it.
 */
final class ChatPage {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String MESSAGES_SCRIPT = """
			return Array.from(document.querySelectorAll('#messages .message'),
			    (item) => item.dataset.type + ' ' + Array.from(item.querySelectorAll('span'),
			        (span) => span.textContent).join(' '));
			""";

	private final WebDriver driver;

	private final WebDriverWait wait;

	ChatPage(WebDriver driver) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, TIMEOUT);
	}

	/**
	 * Opens the page as {@code user} with the {@code ?user=} shortcut and waits until it is connected.
	 */
	ChatPage join(String baseUrl, String user) {
		this.driver.get(baseUrl + "/?user=" + user);
		return waitUntilConnected(user);
	}

	/**
	 * Opens {@code url}, expects the name prompt, types {@code user} into it and waits until it is connected.
	 */
	ChatPage joinByName(String url, String user) {
		this.driver.get(url);
		WebElement name = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name")));
		name.clear();
		name.sendKeys(user + "\n");
		return waitUntilConnected(user);
	}

	/**
	 * Opens {@code url} and returns the complaint of the name prompt once it shows one.
	 */
	String nameComplaint(String url) {
		this.driver.get(url);
		return this.wait.until((driver) -> {
			String complaint = driver.findElement(By.id("login-error")).getText();
			return complaint.isEmpty() ? null : complaint;
		});
	}

	private ChatPage waitUntilConnected(String user) {
		this.wait.withMessage(() -> user + " did not connect; status: " + status() + ", messages: " + messages())
			.until((driver) -> status().equals("Connected as " + user));
		return this;
	}

	String status() {
		return this.driver.findElement(By.id("status")).getText();
	}

	void send(String line) {
		this.driver.findElement(By.id("input")).sendKeys(line + "\n");
	}

	/**
	 * Returns the messages shown, each as its type followed by its parts, e.g. {@code "chat alice hello"}.
	 */
	@SuppressWarnings("unchecked")
	List<String> messages() {
		return (List<String>) ((JavascriptExecutor) this.driver).executeScript(MESSAGES_SCRIPT);
	}

	List<String> online() {
		return this.driver.findElements(By.cssSelector("#online li")).stream().map((item) -> item.getText()).toList();
	}

	void waitForMessage(String message) {
		this.wait.withMessage(() -> "expected message '" + message + "' in " + messages())
			.until((driver) -> messages().contains(message));
	}

	void waitForOnline(String... users) {
		this.wait.withMessage(() -> "expected online " + List.of(users) + " but was " + online())
			.until((driver) -> online().equals(List.of(users)));
	}

	void assertNoMessage(String message) {
		assertThat(messages()).doesNotContain(message);
	}

	void screenshot(Path file) throws Exception {
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
	}

	void close() {
		this.driver.quit();
	}

}
