package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.time.OffsetDateTime;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.template.ReactiveWebPubSubOperations;
import dev.webpubsub.spring.template.ReactiveWebPubSubTemplate;
import dev.webpubsub.spring.template.WebPubSubMessage;
import dev.webpubsub.spring.template.WebPubSubOperations;
import dev.webpubsub.spring.template.WebPubSubServiceException;
import dev.webpubsub.spring.template.WebPubSubTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link WebPubSubTemplateAutoConfiguration}.
 */
class WebPubSubTemplateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(WebPubSubAutoConfiguration.class, WebPubSubTemplateAutoConfiguration.class));

	@Test
	void createsNothingWithoutAConnection() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ReactiveWebPubSubOperations.class)
			.doesNotHaveBean(WebPubSubOperations.class)
			.doesNotHaveBean(WebPubSubHealthIndicator.class)
			.doesNotHaveBean(WebPubSubClientProperties.class));
	}

	@Test
	void createsNothingWithoutWebClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues("WebPubSubConnectionString=Endpoint=http://127.0.0.1:1;AccessKey=key;")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveWebPubSubOperations.class)
				.doesNotHaveBean(WebPubSubOperations.class));
	}

	@Test
	void createsTemplatesWithoutHealthSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.withPropertyValues("WebPubSubConnectionString=Endpoint=http://127.0.0.1:1;AccessKey=key;")
			.run((context) -> assertThat(context).hasSingleBean(WebPubSubTemplate.class)
				.doesNotHaveBean("webPubSubHealthIndicator"));
	}

	@Test
	void createsTemplatesForTheDefaultConnectionOnTheDefaultHub() {
		this.contextRunner
			.withPropertyValues("WebPubSubConnectionString=Endpoint=http://127.0.0.1:1;AccessKey=key;",
					"WebPubSubHub=chat")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveWebPubSubTemplate.class)
					.hasSingleBean(WebPubSubTemplate.class);
				ReactiveWebPubSubTemplate reactive = context.getBean(ReactiveWebPubSubTemplate.class);
				assertThat(reactive.getHub()).isEqualTo("chat");
				assertThat(reactive.getConnection().endpoint()).isEqualTo(URI.create("http://127.0.0.1:1"));
				assertThat(context.getBean(WebPubSubTemplate.class).reactive()).isSameAs(reactive);
			});
	}

	@Test
	void leavesTheHubOpenWithoutWebPubSubHub() {
		this.contextRunner.withPropertyValues("WebPubSubConnectionString=Endpoint=http://127.0.0.1:1;AccessKey=key;")
			.run((context) -> assertThat(context.getBean(WebPubSubTemplate.class).getHub()).isNull());
	}

	@Test
	void failsOnAnInvalidDefaultHubNamingTheSetting() {
		this.contextRunner
			.withPropertyValues("WebPubSubConnectionString=Endpoint=http://127.0.0.1:1;AccessKey=key;",
					"WebPubSubHub=chat-room")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("'WebPubSubHub' must start with a letter")
				.hasStackTraceContaining("but was 'chat-room'"));
	}

	@Test
	void failsOnInvalidClientSettingsNamingThem() {
		this.contextRunner
			.withPropertyValues("WebPubSubConnectionString=Endpoint=http://127.0.0.1:1;AccessKey=key;",
					"webpubsub.client.retry.max-attempts=0")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Invalid 'webpubsub.client' settings: 'maxAttempts' must be at least 1"));
	}

	@Test
	void usesConnectionDetailsThatAnotherAutoConfigurationPublishes() {
		this.contextRunner.withUserConfiguration(EmulatorConnectionDetailsConfiguration.class)
			.run((context) -> assertThat(context.getBean(ReactiveWebPubSubTemplate.class).getConnection().endpoint())
				.isEqualTo(URI.create("http://127.0.0.1:2")));
	}

	@Test
	void createsTemplatesForAnIdentityBasedConnection() {
		this.contextRunner.withUserConfiguration(TokenCredentialConfiguration.class)
			.withPropertyValues("WebPubSubConnectionString.serviceUri=https://example.webpubsub.azure.com")
			.run((context) -> assertThat(
					context.getBean(ReactiveWebPubSubTemplate.class).getConnection().isIdentityBased())
				.isTrue());
	}

	@Test
	void reachesNamedConnections() {
		this.contextRunner
			.withPropertyValues("WebPubSubConnectionString=Endpoint=http://127.0.0.1:1;AccessKey=key;",
					"OtherConnection=Endpoint=http://127.0.0.1:3;AccessKey=other;", "WebPubSubHub=chat")
			.run((context) -> {
				ReactiveWebPubSubTemplate other = context.getBean(ReactiveWebPubSubTemplate.class)
					.connection("OtherConnection");
				assertThat(other.getConnection().endpoint()).isEqualTo(URI.create("http://127.0.0.1:3"));
				assertThat(other.getHub()).isEqualTo("chat");
			});
	}

	@Test
	void backsOffFromUserDefinedOperations() {
		this.contextRunner.withUserConfiguration(UserOperationsConfiguration.class)
			.withPropertyValues("WebPubSubConnectionString=Endpoint=http://127.0.0.1:1;AccessKey=key;")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ReactiveWebPubSubTemplate.class)
					.hasSingleBean(ReactiveWebPubSubOperations.class)
					.doesNotHaveBean(WebPubSubTemplate.class)
					.hasSingleBean(WebPubSubOperations.class);
			});
	}

	@Test
	void wrapsAUserDefinedReactiveTemplateInTheBlockingOne() {
		this.contextRunner.withUserConfiguration(UserReactiveOperationsConfiguration.class)
			.withPropertyValues("WebPubSubConnectionString=Endpoint=http://127.0.0.1:1;AccessKey=key;")
			.run((context) -> assertThat(context.getBean(WebPubSubTemplate.class).reactive())
				.isSameAs(context.getBean(ReactiveWebPubSubOperations.class)));
	}

	@Nested
	class AgainstALocalService {

		private MiniService service;

		@BeforeEach
		void start() throws Exception {
			this.service = new MiniService();
		}

		@AfterEach
		void stop() {
			this.service.close();
		}

		private ApplicationContextRunner runner() {
			return WebPubSubTemplateAutoConfigurationTests.this.contextRunner.withPropertyValues(
					"WebPubSubConnectionString=Endpoint=" + this.service.endpoint() + ";AccessKey=key;",
					"WebPubSubHub=chat");
		}

		@Test
		void usesBootsWebClientBuilderAndJsonMapper() {
			runner().withConfiguration(
					AutoConfigurations.of(WebClientAutoConfiguration.class, JacksonAutoConfiguration.class))
				.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
				.withBean("customizer", org.springframework.boot.webclient.WebClientCustomizer.class,
						() -> (builder) -> builder.defaultHeader("X-Customized", "yes"))
				.run((context) -> {
					context.getBean(WebPubSubTemplate.class).sendToAll(WebPubSubMessage.json(new Greeting("hi")));
					assertThat(this.service.lastHeader("X-Customized")).isEqualTo("yes");
					assertThat(this.service.lastBody()).isEqualTo("{\"greeting_text\":\"hi\"}");
				});
		}

		@Test
		void appliesRetryProperties() {
			this.service.answer(503);
			runner()
				.withPropertyValues("webpubsub.client.retry.max-attempts=2",
						"webpubsub.client.retry.initial-backoff=1ms", "webpubsub.client.timeout=5s")
				.run((context) -> {
					assertThatExceptionOfType(WebPubSubServiceException.class)
						.isThrownBy(() -> context.getBean(WebPubSubTemplate.class)
							.sendToAll(WebPubSubMessage.text("a")));
					assertThat(this.service.requestCount()).isEqualTo(2);
				});
		}

		@Test
		void reportsTheServiceUpWhenItsHealthCheckAnswers200() {
			runner().run((context) -> {
				Health health = context.getBean(WebPubSubHealthIndicator.class).health(true).block();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(this.service.lastRequestLine()).startsWith("HEAD /api/health?api-version=2024-12-01 ");
			});
		}

		@Test
		void reportsTheServiceDownWithTheStatusOfItsAnswer() {
			this.service.answer(503);
			runner().run((context) -> {
				Health health = context.getBean(WebPubSubHealthIndicator.class).health(true).block();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("status", 503);
			});
		}

		@Test
		void disablesTheHealthIndicatorByProperty() {
			runner().withPropertyValues("management.health.webpubsub.enabled=false")
				.run((context) -> assertThat(context).doesNotHaveBean(WebPubSubHealthIndicator.class)
					.hasSingleBean(WebPubSubTemplate.class));
		}

	}

	record Greeting(String greetingText) {

	}

	@Configuration(proxyBeanMethods = false)
	static class EmulatorConnectionDetailsConfiguration {

		@Bean
		WebPubSubConnectionDetails emulatorConnectionDetails() {
			return new WebPubSubConnectionDetails() {

				@Override
				public URI getEndpoint() {
					return URI.create("http://127.0.0.1:2");
				}

				@Override
				public @Nullable String getAccessKey() {
					return "emulator-key";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TokenCredentialConfiguration {

		@Bean
		TokenCredential tokenCredential() {
			return (request) -> Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperationsConfiguration {

		@Bean
		ReactiveWebPubSubOperations userReactiveOperations() {
			return mock(ReactiveWebPubSubOperations.class);
		}

		@Bean
		WebPubSubOperations userOperations() {
			return mock(WebPubSubOperations.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserReactiveOperationsConfiguration {

		@Bean
		ReactiveWebPubSubOperations userReactiveOperations() {
			return mock(ReactiveWebPubSubOperations.class);
		}

	}

}
