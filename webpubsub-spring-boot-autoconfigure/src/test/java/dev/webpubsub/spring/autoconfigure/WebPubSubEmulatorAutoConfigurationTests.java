package dev.webpubsub.spring.autoconfigure;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import dev.webpubsub.emulator.EventHandlerSettings;
import dev.webpubsub.emulator.WebPubSubEmulator;
import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.event.WebPubSubClientProtocols;
import dev.webpubsub.spring.event.WebPubSubEventType;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMapping;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMappings;
import dev.webpubsub.spring.template.WebPubSubTemplate;
import dev.webpubsub.spring.token.ClientAccessTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebPubSubEmulatorAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebPubSubEmulatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebPubSubEmulatorAutoConfiguration.class,
				WebPubSubAutoConfiguration.class));

	@Test
	void startsTheEmulatorWithoutConnection() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(WebPubSubEmulator.class)
				.hasSingleBean(WebPubSubConnectionDetails.class);
			WebPubSubEmulator emulator = context.getBean(WebPubSubEmulator.class);
			assertThat(emulator.isRunning()).isTrue();
			assertThat(emulator.endpoint()).startsWith("http://127.0.0.1:");
			assertThat(healthStatus(emulator)).isEqualTo(200);
		});
	}

	@Test
	void publishesTheEmulatorAsTheDefaultConnection() {
		this.contextRunner.run((context) -> {
			WebPubSubEmulator emulator = context.getBean(WebPubSubEmulator.class);
			WebPubSubConnectionDetails details = context.getBean(WebPubSubConnectionDetails.class);
			assertThat(details.getEndpoint()).isEqualTo(URI.create(emulator.endpoint()));
			assertThat(details.getAccessKey()).isEqualTo(WebPubSubEmulator.DEFAULT_ACCESS_KEY);
			WebPubSubConnection connection = context.getBean(WebPubSubConnections.class).getDefault();
			assertThat(connection.endpoint()).isEqualTo(URI.create(emulator.endpoint()));
			assertThat(connection.isIdentityBased()).isFalse();
		});
	}

	@Test
	void activatesTheRestOfTheStarter() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					WebPubSubNegotiateAutoConfiguration.class, WebPubSubTemplateAutoConfiguration.class,
					WebPubSubEventHandlerAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ClientAccessTokens.class)
				.hasSingleBean(WebPubSubTemplate.class)
				.hasSingleBean(WebPubSubEventHandlerMappings.class));
	}

	@Test
	void appliesProperties() {
		this.contextRunner
			.withPropertyValues("webpubsub.emulator.access-key=emulator-test-key",
					"webpubsub.emulator.allow-unvalidated-entra-tokens=true")
			.run((context) -> {
				assertThat(context.getBean(WebPubSubEmulator.class).accessKey()).isEqualTo("emulator-test-key");
				assertThat(context.getBean(WebPubSubConnectionDetails.class).getAccessKey())
					.isEqualTo("emulator-test-key");
			});
	}

	@Test
	void listensOnTheConfiguredPort() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.contextRunner.withPropertyValues("webpubsub.emulator.port=" + port)
			.run((context) -> assertThat(context.getBean(WebPubSubEmulator.class).endpoint())
				.isEqualTo("http://127.0.0.1:" + port));
	}

	@Test
	void failsOnInvalidSettingNamingIt() {
		this.contextRunner.withPropertyValues("webpubsub.emulator.access-key=a;b")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Invalid 'webpubsub.emulator' setting: 'accessKey' must not be empty"));
		this.contextRunner.withPropertyValues("webpubsub.emulator.port=70000")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Invalid 'webpubsub.emulator' setting: 'port' must be from 0 to 65535"));
	}

	@Test
	void warnsOnceWithTheEndpointAndHowToConfigureTheService(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			String endpoint = context.getBean(WebPubSubEmulator.class).endpoint();
			assertThat(output.getOut().lines().filter((line) -> line.contains("WARN")))
				.singleElement()
				.asString()
				.contains("embedded Web PubSub emulator at " + endpoint, "set WebPubSubConnectionString",
						"webpubsub.emulator.enabled=false");
			assertThat(output).doesNotContain(WebPubSubEmulator.DEFAULT_ACCESS_KEY);
		});
	}

	@Test
	void stopsWithTheContext() {
		AtomicReference<WebPubSubEmulator> emulator = new AtomicReference<>();
		this.contextRunner.run((context) -> emulator.set(context.getBean(WebPubSubEmulator.class)));
		assertThat(emulator.get().isRunning()).isFalse();
	}

	@Test
	void starterStopsTheEmulatorItStarted() {
		EmbeddedEmulatorStarter starter = new EmbeddedEmulatorStarter(new MockEnvironment());
		starter.postProcessBeanFactory(new DefaultListableBeanFactory());
		WebPubSubEmulator emulator = starter.emulator();
		assertThat(emulator.isRunning()).isTrue();
		starter.destroy();
		assertThat(emulator.isRunning()).isFalse();
	}

	@Test
	void backsOffWithConnectionString() {
		this.contextRunner
			.withPropertyValues("WebPubSubConnectionString=Endpoint=https://demo.webpubsub.azure.com;"
					+ "AccessKey=c2VjcmV0;Version=1.0;")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(WebPubSubEmulator.class);
				assertThat(context.getBean(WebPubSubConnectionDetails.class).getEndpoint())
					.isEqualTo(URI.create("https://demo.webpubsub.azure.com"));
			});
	}

	@Test
	void backsOffWithIdentityBasedConnection() {
		this.contextRunner.withPropertyValues("WebPubSubConnectionString.serviceUri=https://demo.webpubsub.azure.com")
			.run((context) -> assertThat(context).doesNotHaveBean(WebPubSubEmulator.class)
				.hasSingleBean(PropertiesWebPubSubConnectionDetails.class));
	}

	@Test
	void backsOffWithUserConnectionDetails() {
		this.contextRunner
			.withBean(WebPubSubConnectionDetails.class,
					() -> WebPubSubAutoConfigurationTests.details("http://127.0.0.1:7070", "user-key"))
			.run((context) -> assertThat(context).doesNotHaveBean(WebPubSubEmulator.class)
				.hasSingleBean(WebPubSubConnectionDetails.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("webpubsub.emulator.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WebPubSubEmulator.class)
				.doesNotHaveBean(WebPubSubConnectionDetails.class));
	}

	@Test
	void staysSilentWithoutTheEmulatorOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebPubSubEmulator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WebPubSubConnectionDetails.class));
	}

	private static int healthStatus(WebPubSubEmulator emulator) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/api/health"))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build();
		return HttpClient.newHttpClient().send(request, BodyHandlers.discarding()).statusCode();
	}

	@Nested
	class EventHandlerRegistration {

		private static final String URL = "http://127.0.0.1:8080/eventhandler";

		@Test
		void registersExactlyTheHandledEventsOfEachHub() {
			List<WebPubSubEventHandlerMapping> mappings = List.of(
					mapping("chat", WebPubSubEventType.SYSTEM, "connect", WebPubSubClientProtocols.ALL),
					mapping("chat", WebPubSubEventType.USER, "message", WebPubSubClientProtocols.ALL),
					mapping("Chat", WebPubSubEventType.SYSTEM, "Disconnected", WebPubSubClientProtocols.WEBPUBSUB),
					mapping("chat", WebPubSubEventType.USER, "typing", WebPubSubClientProtocols.ALL),
					mapping("lobby", WebPubSubEventType.USER, "ping", WebPubSubClientProtocols.ALL));
			assertThat(EmulatorEventHandlerRegistrar.handledEvents(mappings)).hasSize(2)
				.hasEntrySatisfying("chat",
						(events) -> assertThat(events.toSettings(URL)).isEqualTo(
								new EventHandlerSettings(URL, "message,typing", Set.of("connect", "disconnected"))))
				.hasEntrySatisfying("lobby", (events) -> assertThat(events.toSettings(URL))
					.isEqualTo(new EventHandlerSettings(URL, "ping", Set.of())));
		}

		@Test
		void registersNoUserEventsForHubsWithOnlySystemHandlers() {
			assertThat(EmulatorEventHandlerRegistrar
				.handledEvents(List.of(mapping("chat", WebPubSubEventType.SYSTEM, "connected",
						WebPubSubClientProtocols.ALL)))
				.get("chat")
				.toSettings(URL)).isEqualTo(new EventHandlerSettings(URL, null, Set.of("connected")));
		}

		@Test
		void skipsHandlersOfOtherConnectionsAndMqtt() {
			assertThat(EmulatorEventHandlerRegistrar.handledEvents(List.of(
					new WebPubSubEventHandlerMapping("chat", WebPubSubEventType.USER, "message",
							WebPubSubClientProtocols.ALL, "OtherConnection", "handler.message()"),
					mapping("chat", WebPubSubEventType.SYSTEM, "connect", WebPubSubClientProtocols.MQTT))))
				.isEmpty();
		}

		private static WebPubSubEventHandlerMapping mapping(String hub, WebPubSubEventType type, String event,
				WebPubSubClientProtocols protocols) {
			return new WebPubSubEventHandlerMapping(hub, type, event, protocols, WebPubSubConnections.DEFAULT_NAME,
					"handler." + event + "()");
		}

	}

}
