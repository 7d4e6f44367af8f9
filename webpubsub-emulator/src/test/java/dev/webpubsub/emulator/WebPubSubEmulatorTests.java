package dev.webpubsub.emulator;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Java API that embedding applications use: life cycle, connection string and event handler settings.
 */
class WebPubSubEmulatorTests {

	@Test
	void startsOnAFreePortAndPublishesItsConnectionString() {
		WebPubSubEmulator emulator = WebPubSubEmulator.builder().host("127.0.0.1").port(0).accessKey("k3y").build();
		assertThat(emulator.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(emulator::port);
		emulator.start();
		try {
			assertThat(emulator.isRunning()).isTrue();
			assertThat(emulator.port()).isPositive();
			assertThat(emulator.endpoint()).isEqualTo("http://127.0.0.1:" + emulator.port());
			assertThat(emulator.connectionString())
				.isEqualTo("Endpoint=http://127.0.0.1:" + emulator.port() + ";AccessKey=k3y;Version=1.0;");
			assertThatIllegalStateException().isThrownBy(emulator::start).withMessage("The emulator is already started");
		}
		finally {
			emulator.stop();
		}
		assertThat(emulator.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(emulator::start).withMessageContaining("build a new one");
	}

	@Test
	void stoppingClosesClientConnections() {
		WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).build().start();
		TestWebSocket socket = TestWebSocket.connect(EmulatorTestSupport.clientUrl(emulator, "hub", "u"));
		TestWebSocket.quickly().until(() -> EmulatorTestSupport.sdk(emulator, "hub").userExistsWithResponse("u", null).getValue());
		emulator.stop();
		assertThat(socket.awaitClose()).isEqualTo(1001);
	}

	@Test
	void replacesEventHandlersPerHubAndByDefault() {
		WebPubSubEmulator emulator = WebPubSubEmulator.builder()
			.port(0)
			.hub("chat", EventHandlerSettings.allEvents("http://localhost:1/{event}"))
			.build();
		assertThat(emulator.getEventHandlers("CHAT")).extracting(EventHandlerSettings::urlTemplate)
			.containsExactly("http://localhost:1/{event}");
		assertThat(emulator.getEventHandlers("other")).isEmpty();
		EventHandlerSettings fallback = EventHandlerSettings.of("http://localhost:2/{hub}/{event}", "*", "connected");
		emulator.setDefaultEventHandlers(List.of(fallback));
		assertThat(emulator.getEventHandlers("other")).containsExactly(fallback);
		emulator.setEventHandlers("chat", List.of());
		assertThat(emulator.getEventHandlers("chat")).containsExactly(fallback);
	}

	@Test
	void validatesSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebPubSubEmulator.builder().port(70000))
			.withMessageContaining("'port'");
		assertThatIllegalArgumentException().isThrownBy(() -> WebPubSubEmulator.builder().accessKey(""))
			.withMessageContaining("'accessKey'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebPubSubEmulator.builder().build().setEventHandlers("1hub", List.of()))
			.withMessageContaining("'hub'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventHandlerSettings("http://{hub}.example/{event}", "*", Set.of()))
			.withMessageContaining("host");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventHandlerSettings("http://localhost/{event}", "*", Set.of("joined")))
			.withMessageContaining("'systemEvents'");
	}

	@Test
	void matchesEventsByPattern() {
		EventHandlerSettings handler = EventHandlerSettings.of("http://localhost/{hub}/{event}", "a, b", "connect");
		assertThat(handler.handles("a", false)).isTrue();
		assertThat(handler.handles("b", false)).isTrue();
		assertThat(handler.handles("c", false)).isFalse();
		assertThat(handler.handles("connect", true)).isTrue();
		assertThat(handler.handles("connected", true)).isFalse();
		assertThat(EventHandlerSettings.of("http://localhost/x", "", "").handles("a", false)).isFalse();
		assertThat(handler.url("my hub", "ev")).isEqualTo("http://localhost/my%20hub/ev");
	}

}
