package dev.webpubsub.emulator;

import java.time.Duration;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs one emulator per test class on a free port and gives each test its own hub and an SDK client for it.
 */
abstract class AbstractEmulatorTests {

	protected static WebPubSubEmulator emulator;

	protected String hub;

	protected WebPubSubServiceClient client;

	@BeforeAll
	static void startEmulator() {
		emulator = WebPubSubEmulator.builder().port(0).keepAliveInterval(Duration.ofMillis(200)).build().start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.stop();
	}

	@BeforeEach
	void newHub() {
		this.hub = EmulatorTestSupport.newHub();
		this.client = EmulatorTestSupport.sdk(emulator, this.hub);
	}

}
