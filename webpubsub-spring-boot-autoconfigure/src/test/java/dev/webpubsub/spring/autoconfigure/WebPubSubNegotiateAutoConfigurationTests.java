package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.template.ReactiveWebPubSubOperations;
import dev.webpubsub.spring.template.ReactiveWebPubSubTemplate;
import dev.webpubsub.spring.token.ClientAccessOptions;
import dev.webpubsub.spring.token.ClientAccessTokens;
import dev.webpubsub.spring.token.ClientTokenService;
import dev.webpubsub.spring.token.ClientAccessUrl;
import dev.webpubsub.spring.token.GenerateTokenService;
import dev.webpubsub.spring.token.NegotiatePolicy;
import dev.webpubsub.spring.token.WebPubSubUserIdResolver;
import dev.webpubsub.spring.web.servlet.NegotiateHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link WebPubSubNegotiateAutoConfiguration}.
 */
class WebPubSubNegotiateAutoConfigurationTests {

	private static final String CONNECTION_STRING = "WebPubSubConnectionString=Endpoint=https://abc.webpubsub.azure.com;"
			+ "AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations
		.of(WebPubSubAutoConfiguration.class, WebPubSubNegotiateAutoConfiguration.class);

	private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	@Test
	void staysSilentWithoutConnection() {
		this.servletRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ClientAccessTokens.class)
			.doesNotHaveBean(NegotiatePolicy.class)
			.doesNotHaveBean(NegotiateHandler.class)
			.doesNotHaveBean("webPubSubNegotiateRouterFunction"));
	}

	@Test
	void createsTheServletEndpoint() {
		this.servletRunner.withPropertyValues(CONNECTION_STRING)
			.run((context) -> assertThat(context).hasSingleBean(ClientAccessTokens.class)
				.hasSingleBean(NegotiatePolicy.class)
				.hasSingleBean(WebPubSubUserIdResolver.class)
				.hasSingleBean(NegotiateHandler.class)
				.doesNotHaveBean(dev.webpubsub.spring.web.reactive.NegotiateHandler.class)
				.hasBean("webPubSubNegotiateRouterFunction"));
	}

	@Test
	void createsTheReactiveEndpoint() {
		new ReactiveWebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues(CONNECTION_STRING)
			.run((context) -> assertThat(context).hasSingleBean(dev.webpubsub.spring.web.reactive.NegotiateHandler.class)
				.doesNotHaveBean(NegotiateHandler.class)
				.hasBean("webPubSubNegotiateRouterFunction"));
	}

	@Test
	void createsOnlyTokensOutsideWebApplications() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues(CONNECTION_STRING)
			.run((context) -> assertThat(context).hasSingleBean(ClientAccessTokens.class)
				.doesNotHaveBean(NegotiatePolicy.class)
				.doesNotHaveBean(NegotiateHandler.class));
	}

	@Test
	void keepsTokensWhenTheEndpointIsDisabled() {
		this.servletRunner.withPropertyValues(CONNECTION_STRING, "webpubsub.negotiate.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ClientAccessTokens.class)
				.doesNotHaveBean(NegotiatePolicy.class)
				.doesNotHaveBean(NegotiateHandler.class)
				.doesNotHaveBean("webPubSubNegotiateRouterFunction"));
	}

	@Test
	void followsConnectionDetailsFromAnotherSource() {
		this.servletRunner
			.withBean(WebPubSubConnectionDetails.class,
					() -> WebPubSubAutoConfigurationTests.details("http://127.0.0.1:7070", "emulator-key"))
			.run((context) -> {
				assertThat(context).hasSingleBean(NegotiateHandler.class);
				assertThat(context.getBean(ClientAccessTokens.class)
					.generateBlocking(ClientAccessOptions.forHub("chat"))
					.baseUrl()).isEqualTo("ws://127.0.0.1:7070/client/hubs/chat");
			});
	}

	@Test
	void rejectsAPathWithoutLeadingSlash() {
		this.servletRunner.withPropertyValues(CONNECTION_STRING, "webpubsub.negotiate.path=negotiate")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("must start with '/'"));
	}

	@Test
	void rejectsTokenSettingsThatNoTokenCouldHaveAtStartUp() {
		this.servletRunner.withPropertyValues(CONNECTION_STRING, "webpubsub.negotiate.token-time-to-live=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("'token-time-to-live' must be positive but was PT0S"));
		this.servletRunner.withPropertyValues(CONNECTION_STRING, "webpubsub.negotiate.roles[0]=webpubsub.sendToGroup",
				"webpubsub.negotiate.roles[1]= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("'roles' must not contain blank values"));
		this.servletRunner.withPropertyValues(CONNECTION_STRING, "webpubsub.negotiate.groups[0]= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("'groups' must not contain blank values"));
	}

	@Test
	void rejectsInvalidHubNames() {
		this.servletRunner.withPropertyValues(CONNECTION_STRING, "WebPubSubHub=my hub")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("'WebPubSubHub' must start with a letter and contain at most 128 letters, digits and "
						+ "characters _`,.[] but was 'my hub'"));
		this.servletRunner.withPropertyValues(CONNECTION_STRING, "webpubsub.negotiate.hubs=ok,1bad")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'webpubsub.negotiate.hubs' must start with a letter")
				.hasMessageEndingWith("but was '1bad'"));
	}

	@Nested
	class ClassPathVariants {

		private static final AutoConfigurations ALL = AutoConfigurations.of(WebPubSubAutoConfiguration.class,
				WebPubSubTemplateAutoConfiguration.class, WebPubSubNegotiateAutoConfiguration.class);

		private final WebApplicationContextRunner springMvcWithoutWebClient = new WebApplicationContextRunner()
			.withConfiguration(ALL)
			.withClassLoader(new FilteredClassLoader(WebClient.class));

		private final ApplicationContextRunner webClientWithoutWebStack = new ApplicationContextRunner()
			.withConfiguration(ALL)
			.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet",
					"org.springframework.web.reactive.DispatcherHandler", "jakarta.servlet"));

		@Test
		void staysSilentWithoutConnection() {
			this.springMvcWithoutWebClient.run(this::assertSilent);
			this.webClientWithoutWebStack.run(this::assertSilent);
		}

		private <C extends ApplicationContext> void assertSilent(ApplicationContextAssertProvider<C> context) {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(WebPubSubConnectionDetails.class)
				.doesNotHaveBean(ReactiveWebPubSubOperations.class)
				.doesNotHaveBean(ClientAccessTokens.class);
		}

		@Test
		void servesAccessKeyTokensWithSpringMvcButNoWebClient() {
			this.springMvcWithoutWebClient.withPropertyValues(CONNECTION_STRING).run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(NegotiateHandler.class)
					.doesNotHaveBean(ClientTokenService.class)
					.doesNotHaveBean(ReactiveWebPubSubOperations.class);
				assertThat(context.getBean(ClientAccessTokens.class)
					.generateBlocking(ClientAccessOptions.forHub("chat"))
					.baseUrl()).isEqualTo("wss://abc.webpubsub.azure.com/client/hubs/chat");
			});
		}

		@Test
		void explainsWhatIdentityBasedConnectionsMissWithoutWebClient() {
			this.springMvcWithoutWebClient
				.withPropertyValues("WebPubSubConnectionString=Endpoint=https://abc.webpubsub.azure.com")
				.run((context) -> assertThatIllegalStateException()
					.isThrownBy(() -> context.getBean(ClientAccessTokens.class)
						.generateBlocking(ClientAccessOptions.forHub("chat")))
					.withMessageContaining("spring-boot-starter-webclient"));
		}

		@Test
		void givesTokensButNoEndpointWithoutWebStack() {
			this.webClientWithoutWebStack.withPropertyValues(CONNECTION_STRING)
				.run((context) -> assertThat(context).hasNotFailed()
					.hasSingleBean(ClientAccessTokens.class)
					.hasSingleBean(ReactiveWebPubSubOperations.class)
					.doesNotHaveBean(NegotiatePolicy.class));
		}

	}

	@Nested
	class UserBeans {

		@Test
		void replaceEveryPart() {
			ClientAccessTokens tokens = new ClientAccessTokens(
					new EnvironmentWebPubSubConnections(null, null, null, (settings) -> null),
					(connection, options) -> Mono.just("custom"));
			WebPubSubUserIdResolver resolver = (request) -> Optional.of("fixed");
			NegotiatePolicy policy = new NegotiatePolicy("chat", Set::of, resolver, List.of());
			NegotiateHandler handler = new NegotiateHandler(policy, tokens);
			WebPubSubNegotiateAutoConfigurationTests.this.servletRunner.withPropertyValues(CONNECTION_STRING)
				.withBean("customTokens", ClientAccessTokens.class, () -> tokens)
				.withBean("customResolver", WebPubSubUserIdResolver.class, () -> resolver)
				.withBean("customPolicy", NegotiatePolicy.class, () -> policy)
				.withBean("customHandler", NegotiateHandler.class, () -> handler)
				.run((context) -> {
					assertThat(context.getBean(ClientAccessTokens.class)).isSameAs(tokens);
					assertThat(context.getBean(WebPubSubUserIdResolver.class)).isSameAs(resolver);
					assertThat(context.getBean(NegotiatePolicy.class)).isSameAs(policy);
					assertThat(context.getBean(NegotiateHandler.class)).isSameAs(handler);
				});
		}

		@Test
		void clientTokenServiceServesIdentityBasedConnections() {
			WebPubSubNegotiateAutoConfigurationTests.this.servletRunner
				.withPropertyValues("WebPubSubConnectionString=Endpoint=https://abc.webpubsub.azure.com")
				.withBean(ClientTokenService.class, () -> (connection, options) -> Mono.just("custom." + options.hub()))
				.run((context) -> assertThat(context.getBean(ClientAccessTokens.class)
					.generateBlocking(ClientAccessOptions.forHub("chat"))
					.accessToken()).isEqualTo("custom.chat"));
		}

		@Test
		void webClientBuilderCallsGenerateToken() {
			GenerateTokenService service = new GenerateTokenService("issued");
			service.applyTo(WebPubSubNegotiateAutoConfigurationTests.this.servletRunner).run((context) -> {
				ClientAccessUrl url = context.getBean(ClientAccessTokens.class)
					.generateBlocking(ClientAccessOptions.forHub("chat"));
				assertThat(url.url()).isEqualTo("wss://abc.webpubsub.azure.com/client/hubs/chat?access_token=issued");
				service.assertLastRequest(
						"/api/hubs/chat/:generateToken?api-version=2024-12-01&minutesToExpire=60&clientType=default");
			});
		}

	}

	@Test
	void asksTheServiceThroughTheTemplateBean() {
		GenerateTokenService service = new GenerateTokenService("issued");
		WebClient.Builder otherClient = WebClient.builder()
			.exchangeFunction((request) -> Mono.error(new IllegalStateException("not the template's client")));
		this.servletRunner.withConfiguration(AutoConfigurations.of(WebPubSubTemplateAutoConfiguration.class))
			.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com")
			.withBean(EntraTokenProvider.class, () -> () -> Mono.just("entra"))
			.withBean(WebClient.Builder.class, () -> otherClient)
			.withBean(ReactiveWebPubSubTemplate.class,
					() -> ReactiveWebPubSubTemplate.builder(WebPubSubConnection.withEntraId("WebPubSubConnectionString",
							URI.create("https://abc.webpubsub.azure.com"), () -> Mono.just("entra")))
						.webClientBuilder(service.webClientBuilder())
						.build())
			.run((context) -> {
				ClientAccessUrl url = context.getBean(ClientAccessTokens.class)
					.generateBlocking(ClientAccessOptions.forHub("chat"));
				assertThat(url.accessToken()).isEqualTo("issued");
				assertThat(service.lastRequest().getURI().getPath()).isEqualTo("/api/hubs/chat/:generateToken");
			});
	}

	@Test
	void asksTheServiceWhenTheApplicationReplacedTheTemplate() {
		GenerateTokenService service = new GenerateTokenService("issued");
		service.applyTo(this.servletRunner.withConfiguration(AutoConfigurations.of(WebPubSubTemplateAutoConfiguration.class)))
			.withBean(ReactiveWebPubSubOperations.class, () -> mock(ReactiveWebPubSubOperations.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ReactiveWebPubSubTemplate.class);
				assertThat(context.getBean(ClientAccessTokens.class)
					.generateBlocking(ClientAccessOptions.forHub("chat"))
					.accessToken()).isEqualTo("issued");
				service.assertLastRequest(
						"/api/hubs/chat/:generateToken?api-version=2024-12-01&minutesToExpire=60&clientType=default");
			});
	}

	@Test
	void worksWithBootsWebClientBuilder() {
		this.servletRunner.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withPropertyValues(CONNECTION_STRING)
			.run((context) -> assertThat(context).hasSingleBean(ClientAccessTokens.class));
	}

}
