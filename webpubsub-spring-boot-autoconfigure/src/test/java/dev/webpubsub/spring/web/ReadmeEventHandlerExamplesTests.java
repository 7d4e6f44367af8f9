package dev.webpubsub.spring.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import dev.webpubsub.spring.annotation.WebPubSubEventHandler;
import dev.webpubsub.spring.autoconfigure.WebPubSubAutoConfiguration;
import dev.webpubsub.spring.autoconfigure.WebPubSubEventHandlerAutoConfiguration;
import dev.webpubsub.spring.event.ConnectEventRequest;
import dev.webpubsub.spring.event.ConnectEventResponse;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.UserEventResponse;
import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.event.WebPubSubErrorCode;
import dev.webpubsub.spring.event.WebPubSubEventException;
import dev.webpubsub.spring.handler.WebPubSubContext;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMapping;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMappings;
import dev.webpubsub.spring.test.WebPubSubEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The event handler examples of the README, copied as they stand there: the classes compile against the real API,
 * and the test snippets of "Testing event handlers" run against them.
 */
@SpringBootTest(classes = ReadmeEventHandlerExamplesTests.ReadmeApplication.class,
		properties = { "spring.main.web-application-type=servlet",
				"WebPubSubConnectionString=Endpoint=https://demo.webpubsub.azure.com;AccessKey="
						+ ReadmeEventHandlerExamplesTests.KEY + ";Version=1.0;" })
class ReadmeEventHandlerExamplesTests {

	static final String KEY = "readme-example-key";

	@Autowired
	WebApplicationContext context;

	MockMvc mockMvc;

	WebTestClient webTestClient;

	@BeforeEach
	void createClients() {
		this.mockMvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		this.webTestClient = MockMvcWebTestClient.bindToApplicationContext(this.context).build();
	}

	@Test
	void testingSnippetRuns() throws Exception {
		String key = KEY;
		MockMvc mockMvc = this.mockMvc;
		WebTestClient webTestClient = this.webTestClient;
		// README "Testing event handlers", verbatim.
		mockMvc.perform(WebPubSubEvents.userEvent("chat", "message")
				.connectionId("c1").userId("alice").text("hi")
				.from("Endpoint=https://demo.webpubsub.azure.com;AccessKey=" + key + ";Version=1.0;")
				.toMockMvc())
			.andExpect(status().isOk())
			.andExpect(content().string("alice said hi"));

		WebPubSubEvents.connect("chat").claim("sub", "alice").signedWith(key).origin("demo.webpubsub.azure.com")
			.exchange(webTestClient)
			.expectStatus().isOk();
	}

	@Test
	void connectExampleAnswersUserGroupsAndState() {
		WebPubSubEvents.connect("chat").query("user", "bob").from("Endpoint=https://demo.webpubsub.azure.com;"
				+ "AccessKey=" + KEY + ";Version=1.0;")
			.exchange(this.webTestClient)
			.expectStatus().isOk()
			.expectHeader().exists("ce-connectionState")
			.expectBody().json("{\"userId\":\"bob\",\"groups\":[\"lobby\"]}");
	}

	@Test
	void ownControllerExampleAnswersConnect() {
		WebPubSubEvents.connect("chat").path("/my-hook").signedWith(KEY).origin("demo.webpubsub.azure.com")
			.exchange(this.webTestClient)
			.expectStatus().isOk()
			.expectBody().json("{\"userId\":\"alice\"}");
		WebPubSubEvents.abuseProtection("demo.webpubsub.azure.com").path("/my-hook")
			.exchange(this.webTestClient)
			.expectStatus().isOk()
			.expectHeader().valueEquals("WebHook-Allowed-Origin", "demo.webpubsub.azure.com");
	}

	@Test
	void tourHandlersAreDetected() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebPubSubAutoConfiguration.class,
					WebPubSubEventHandlerAutoConfiguration.class))
			.withPropertyValues("WebPubSubConnectionString=Endpoint=https://demo.webpubsub.azure.com;AccessKey=" + KEY
					+ ";Version=1.0;", "WebPubSubHub=chat")
			.withBean(ChatHandlers.class)
			.run((context) -> assertThat(context.getBean(WebPubSubEventHandlerMappings.class).getMappings())
				.extracting(WebPubSubEventHandlerMapping::hub, WebPubSubEventHandlerMapping::eventName)
				.containsExactlyInAnyOrder(tuple("chat", "connect"), tuple("chat", "message")));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, WebPubSubAutoConfiguration.class,
			WebPubSubEventHandlerAutoConfiguration.class })
	static class ReadmeApplication {

		@Bean
		ChatEvents chatEvents() {
			return new ChatEvents();
		}

		@Bean
		MyHookController myHookController() {
			return new MyHookController();
		}

	}

	// README "A five-minute tour", step 3.
	static class ChatHandlers {

		@WebPubSubEventHandler(event = "connect")
		ConnectEventResponse connect(WebPubSubConnectionContext context) {
			if (context.getUserId() == null) {
				throw new WebPubSubEventException(WebPubSubErrorCode.UNAUTHORIZED, "Sign in first");
			}
			return ConnectEventResponse.builder().groups("lobby").build();
		}

		@WebPubSubEventHandler(event = "message")
		UserEventResponse message(UserEventRequest request) {
			return UserEventResponse.text("got " + request.getDataAsString());
		}

	}

	// README "Event handlers".
	static class ChatEvents {

		@WebPubSubEventHandler(hub = "chat", event = "connect")
		ConnectEventResponse connect(ConnectEventRequest request) {
			String user = request.getQuery().getOrDefault("user", List.of("anonymous")).get(0);
			return ConnectEventResponse.builder().userId(user).groups("lobby").state("joinedAt", Instant.now().toString()).build();
		}

		@WebPubSubEventHandler(hub = "chat", event = "message")
		String message(UserEventRequest request, WebPubSubConnectionContext context) {
			return context.getUserId() + " said " + request.getDataAsString();
		}

		@WebPubSubEventHandler(hub = "chat", event = "disconnected")
		void disconnected(WebPubSubConnectionContext context, String reason) {
		}

	}

	// README "Your own controller: WebPubSubContext".
	@RestController
	static class MyHookController {

		@RequestMapping(path = "/my-hook", method = { RequestMethod.POST, RequestMethod.OPTIONS })
		ResponseEntity<byte[]> hook(WebPubSubContext context) {
			if (context.isPreflight() || context.hasError()) {
				return context.toResponseEntity();
			}
			return context.respond(ConnectEventResponse.builder().userId("alice").build());
		}

	}

}
