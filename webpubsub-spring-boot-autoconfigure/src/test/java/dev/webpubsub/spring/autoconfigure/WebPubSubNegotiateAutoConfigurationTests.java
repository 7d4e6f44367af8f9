package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.token.ClientAccessOptions;
import dev.webpubsub.spring.token.ClientAccessTokens;
import dev.webpubsub.spring.token.ClientAccessUrl;
import dev.webpubsub.spring.token.NegotiatePolicy;
import dev.webpubsub.spring.token.WebPubSubUserIdResolver;
import dev.webpubsub.spring.web.servlet.NegotiateHandler;

import static org.assertj.core.api.Assertions.assertThat;

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
	void rejectsInvalidHubNames() {
		this.servletRunner.withPropertyValues(CONNECTION_STRING, "WebPubSubHub=my hub")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'WebPubSubHub' holds the invalid hub name 'my hub'"));
		this.servletRunner.withPropertyValues(CONNECTION_STRING, "webpubsub.negotiate.hubs=ok,1bad")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'webpubsub.negotiate.hubs' holds the invalid hub name '1bad'"));
	}

	@Nested
	class UserBeans {

		@Test
		void replaceEveryPart() {
			ClientAccessTokens tokens = new ClientAccessTokens(new EnvironmentWebPubSubConnections(null, null, null,
					(settings) -> null), WebClient.create(), JsonMapper.builder().build());
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
		void webClientBuilderCallsGenerateToken() {
			AtomicReference<ClientRequest> sent = new AtomicReference<>();
			WebClient.Builder builder = WebClient.builder().exchangeFunction((request) -> {
				sent.set(request);
				return Mono.just(ClientResponse.create(HttpStatus.OK)
					.header(HttpHeaders.CONTENT_TYPE, "application/json")
					.body("{\"token\":\"issued\"}")
					.build());
			});
			WebPubSubNegotiateAutoConfigurationTests.this.servletRunner
				.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com")
				.withBean(EntraTokenProvider.class, () -> () -> Mono.just("entra"))
				.withBean(WebClient.Builder.class, () -> builder)
				.run((context) -> {
					ClientAccessUrl url = context.getBean(ClientAccessTokens.class)
						.generateBlocking(ClientAccessOptions.forHub("chat"));
					assertThat(url.url()).isEqualTo("wss://abc.webpubsub.azure.com/client/hubs/chat?access_token=issued");
					assertThat(sent.get().url()).isEqualTo(URI.create("https://abc.webpubsub.azure.com/api/hubs/chat/"
							+ ":generateToken?api-version=2024-12-01&minutesToExpire=60&clientType=default"));
					assertThat(sent.get().headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer entra");
				});
		}

	}

	@Test
	void worksWithBootsWebClientBuilder() {
		this.servletRunner.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withPropertyValues(CONNECTION_STRING)
			.run((context) -> assertThat(context).hasSingleBean(ClientAccessTokens.class));
	}

}
