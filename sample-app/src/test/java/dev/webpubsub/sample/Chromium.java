package dev.webpubsub.sample;

import java.io.File;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the system Chromium (Debian packages {@code chromium} and {@code chromium-driver}) headless. Both paths
 * are given explicitly, so Selenium Manager never runs and nothing downloads a browser or a driver.
 */
final class Chromium {

	private static final File BROWSER = new File("/usr/bin/chromium");

	private static final File DRIVER = new File("/usr/bin/chromedriver");

	private Chromium() {
	}

	/**
	 * Starts a browser with its own fresh profile.
	 * @param profile an empty directory for the browser profile
	 * @return the driver of the new browser
	 */
	static ChromeDriver start(Path profile) {
		assertThat(BROWSER).as("Chromium (install the Debian packages chromium and chromium-driver)").isFile();
		assertThat(DRIVER).as("chromedriver (install the Debian package chromium-driver)").isFile();
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.getPath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--window-size=1280,860", "--user-data-dir=" + profile.toAbsolutePath());
		return new ChromeDriver(service, options);
	}

}
