package dev.webpubsub.spring.autoconfigure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.autoproxy.BeanNameAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import dev.webpubsub.spring.annotation.WebPubSubEventHandler;
import dev.webpubsub.spring.event.ConnectEventRequest;
import dev.webpubsub.spring.event.ConnectEventResponse;
import dev.webpubsub.spring.event.ConnectedEventRequest;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.WebPubSubClientProtocols;
import dev.webpubsub.spring.event.WebPubSubEventType;
import dev.webpubsub.spring.handler.EventHandlerMethodDetector;
import dev.webpubsub.spring.handler.EventResult;
import dev.webpubsub.spring.handler.InvalidEventHandlerMethodException;
import dev.webpubsub.spring.handler.PreparedEvent;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMapping;
import dev.webpubsub.spring.handler.WebPubSubEventHandlerMappings;
import dev.webpubsub.spring.handler.WebPubSubEventPipeline;
import dev.webpubsub.spring.test.WebPubSubEventBuilder;
import dev.webpubsub.spring.test.WebPubSubEvents;
import dev.webpubsub.spring.token.WebPubSubHubs;
import dev.webpubsub.spring.web.servlet.WebPubSubContextArgumentResolver;
import dev.webpubsub.spring.web.servlet.WebPubSubWebhookHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class WebPubSubEventHandlerAutoConfigurationTests {

	static final String KEY = "test-access-key";

	static final String CONNECTION = "WebPubSubConnectionString=Endpoint=https://demo.webpubsub.azure.com;AccessKey="
			+ KEY + ";Version=1.0;";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebPubSubAutoConfiguration.class,
				WebPubSubEventHandlerAutoConfiguration.class));

	@Test
	void backsOffWithoutConnection() {
		this.contextRunner.withBean("chatHandler", ChatHandler.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(WebPubSubEventPipeline.class)
				.doesNotHaveBean(WebPubSubEventHandlerMappings.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues(CONNECTION, "webpubsub.event-handler.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebPubSubEventPipeline.class));
	}

	@Test
	void createsPipelineAndMappingsWithConnection() {
		this.contextRunner.withPropertyValues(CONNECTION).run((context) -> {
			assertThat(context).hasSingleBean(WebPubSubEventPipeline.class)
				.hasSingleBean(WebPubSubEventHandlerMappings.class)
				.hasSingleBean(EventHandlerMethodDetector.class);
			assertThat(context.getBean(WebPubSubEventPipeline.class).getMaxBodySize()).isEqualTo(1024 * 1024);
			assertThat(context).doesNotHaveBean(WebPubSubWebhookHandler.class)
				.doesNotHaveBean(dev.webpubsub.spring.web.reactive.WebPubSubWebhookHandler.class);
		});
	}

	@Test
	void worksWithEmulatorStyleConnectionDetailsBean() {
		this.contextRunner.withBean(WebPubSubConnectionDetails.class, () -> new WebPubSubConnectionDetails() {

			@Override
			public URI getEndpoint() {
				return URI.create("http://127.0.0.1:4567");
			}

			@Override
			public String getAccessKey() {
				return KEY;
			}

		}).withPropertyValues("WebPubSubHub=chat").withBean("chatHandler", ChatHandler.class).run((context) -> {
			WebPubSubEventPipeline pipeline = context.getBean(WebPubSubEventPipeline.class);
			assertThat(prepare(pipeline, WebPubSubEvents.connected("chat").origin("127.0.0.1").signedWith(KEY)))
				.isInstanceOf(PreparedEvent.class);
		});
	}

	@Test
	void publishesDetectedMappings() {
		this.contextRunner.withPropertyValues(CONNECTION, "WebPubSubHub=chat")
			.withBean("chatHandler", ChatHandler.class)
			.run((context) -> assertThat(context.getBean(WebPubSubEventHandlerMappings.class).getMappings())
				.extracting(WebPubSubEventHandlerMapping::hub, WebPubSubEventHandlerMapping::eventType,
						WebPubSubEventHandlerMapping::eventName, WebPubSubEventHandlerMapping::clientProtocols)
				.containsExactlyInAnyOrder(
						tuple("chat", WebPubSubEventType.SYSTEM, "connect",
								WebPubSubClientProtocols.ALL),
						tuple("chat", WebPubSubEventType.USER, "message",
								WebPubSubClientProtocols.ALL),
						tuple("chat", WebPubSubEventType.SYSTEM, "connected",
								WebPubSubClientProtocols.WEBPUBSUB)));
	}

	@Test
	void contributesHandledHubsToNegotiate() {
		this.contextRunner.withPropertyValues(CONNECTION, "WebPubSubHub=chat")
			.withBean("chatHandler", ChatHandler.class)
			.withBean("placeholderHandler", PlaceholderHandler.class)
			.withPropertyValues("app.hub=lobby")
			.run((context) -> assertThat(context.getBean(WebPubSubHubs.class).getHubs())
				.containsExactlyInAnyOrder("chat", "lobby"));
	}

	@Test
	void resolvesHubPlaceholders() {
		this.contextRunner.withPropertyValues(CONNECTION, "app.hub=lobby")
			.withBean("placeholderHandler", PlaceholderHandler.class)
			.run((context) -> assertThat(context.getBean(WebPubSubEventHandlerMappings.class).getMappings())
				.singleElement()
				.satisfies((mapping) -> assertThat(mapping.hub()).isEqualTo("lobby")));
	}

	@Test
	void failsOnInvalidHubName() {
		this.contextRunner.withPropertyValues(CONNECTION, "app.hub=chat room")
			.withBean("placeholderHandler", PlaceholderHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("placeholderHandler.connect(ConnectEventRequest)")
				.hasMessageContaining("hub 'chat room' is not a valid hub name"));
	}

	@Test
	void failsOnUnresolvableHubPlaceholder() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withBean("placeholderHandler", PlaceholderHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("placeholderHandler.connect(ConnectEventRequest)")
				.hasMessageContaining("'hub' cannot be resolved"));
	}

	@Test
	void failsWithoutHubAndWithoutWebPubSubHub() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withBean("chatHandler", ChatHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("no hub is set; set the annotation's 'hub' or the WebPubSubHub setting"));
	}

	@Test
	void detectsComposedAnnotations() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withBean("composedAnnotationHandler", ComposedAnnotationHandler.class)
			.run((context) -> assertThat(context.getBean(WebPubSubEventHandlerMappings.class).getMappings())
				.singleElement()
				.satisfies((mapping) -> {
					assertThat(mapping.hub()).isEqualTo("chat");
					assertThat(mapping.eventName()).isEqualTo("message");
					assertThat(mapping.eventType()).isEqualTo(WebPubSubEventType.USER);
				}));
	}

	@Test
	void failsOnAmbiguousMappingsNamingBothMethods() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withBean("ambiguousHandlers", AmbiguousHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidEventHandlerMethodException.class)
				.hasMessageContaining("ambiguous mapping")
				.hasMessageContaining("ambiguousHandlers.first(ConnectedEventRequest)")
				.hasMessageContaining("ambiguousHandlers.second()"));
	}

	@Test
	void failsOnUnsupportedParameterNamingIt() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withBean("unsupportedParameterHandlers", UnsupportedParameterHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("unsupportedParameterHandlers.connect(Integer)")
				.hasMessageContaining("unsupported parameter 0 (java.lang.Integer count)"));
	}

	@Test
	void failsOnRequestTypeOfAnotherEvent() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withBean("wrongRequestHandlers", WrongRequestHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("wrongRequestHandlers.connected(UserEventRequest)")
				.hasMessageContaining("unsupported parameter 0"));
	}

	@Test
	void failsOnUnsupportedReturnTypeNamingTheMethod() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withBean("unsupportedReturnHandlers", UnsupportedReturnHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Invalid @WebPubSubEventHandler method unsupportedReturnHandlers.message(): "
						+ "unsupported return type")
				.hasMessageContaining("ConnectEventResponse"));
	}

	@Test
	void failsOnUnknownSystemEvent() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withBean("unknownSystemEventHandlers", UnknownSystemEventHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("system event 'message' does not exist"));
	}

	@Test
	void failsOnConnectionThatIsNotConfigured() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withBean("missingConnectionHandlers", MissingConnectionHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("missingConnectionHandlers.connected()")
				.hasMessageContaining("No Web PubSub connection is configured under 'OtherConnection'"));
	}

	@Test
	void invokesMethodsOfProxiedBeans() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withUserConfiguration(ProxiedHandlerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EventResult result = connect(context, "proxied");
				assertThat(result.status()).isEqualTo(200);
				assertThat(result.bodyAsString()).isEqualTo("{\"userId\":\"proxied-user\"}");
				assertThat(context.getBean(ProxiedHandlerConfiguration.class).interceptions).hasValue(1);
			});
	}

	@Test
	void invokesMethodsOfJdkProxiedBeansThroughTheProxy() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withUserConfiguration(JdkProxiedHandlerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(AopUtils.isJdkDynamicProxy(context.getBean("jdkProxiedHandler"))).isTrue();
				EventResult result = connect(context, "jdk");
				assertThat(result.bodyAsString()).isEqualTo("{\"userId\":\"jdk-user\"}");
				assertThat(context.getBean(JdkProxiedHandlerConfiguration.class).interceptions).hasValue(1);
			});
	}

	@Test
	void failsOnJdkProxiedMethodThatNoInterfaceDeclares() {
		this.contextRunner.withPropertyValues(CONNECTION)
			.withUserConfiguration(JdkProxiedHandlerConfiguration.class)
			.withPropertyValues("test.proxied-bean=hiddenMethodHandler")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidEventHandlerMethodException.class)
				.hasMessageContaining("hiddenMethodHandler.connect()")
				.hasMessageContaining("the bean's proxy cannot invoke it")
				.hasMessageContaining("not found in any interface(s) of the exposed proxy type"));
	}

	@Test
	void observesHandlerInvocations() {
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		this.contextRunner.withPropertyValues(CONNECTION)
			.withUserConfiguration(ProxiedHandlerConfiguration.class)
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				connect(context, "proxied");
				assertThat(stopped).singleElement().satisfies((observation) -> {
					assertThat(observation.getName()).isEqualTo("webpubsub.event");
					assertThat(observation.getLowCardinalityKeyValue("webpubsub.hub").getValue()).isEqualTo("proxied");
					assertThat(observation.getLowCardinalityKeyValue("webpubsub.event.name").getValue())
						.isEqualTo("connect");
					assertThat(observation.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("200");
				});
			});
	}

	/**
	 * Sends a signed {@code connect} of the hub through the context's pipeline.
	 */
	static EventResult connect(ApplicationContext context, String hub) {
		WebPubSubEventPipeline pipeline = context.getBean(WebPubSubEventPipeline.class);
		PreparedEvent event = (PreparedEvent) prepare(pipeline,
				WebPubSubEvents.connect(hub).origin("demo.webpubsub.azure.com").signedWith(KEY));
		return pipeline.handle(event, new byte[0]).join();
	}

	static Object prepare(WebPubSubEventPipeline pipeline, WebPubSubEventBuilder event) {
		HttpHeaders headers = event.headers();
		return pipeline.prepare(HttpMethod.POST.name(), headers);
	}

	@Nested
	class ServletApplication {

		private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					WebPubSubAutoConfiguration.class, WebPubSubEventHandlerAutoConfiguration.class));

		@Test
		void registersServletEndpoint() {
			this.contextRunner.withPropertyValues(CONNECTION).run((context) -> {
				assertThat(context).hasSingleBean(WebPubSubWebhookHandler.class)
					.hasSingleBean(WebPubSubContextArgumentResolver.class)
					.doesNotHaveBean(dev.webpubsub.spring.web.reactive.WebPubSubWebhookHandler.class);
				assertThat(context).hasBean("webPubSubWebhookRouterFunction");
			});
		}

		@Test
		void backsOffFromUserDefinedHandler() {
			this.contextRunner.withPropertyValues(CONNECTION)
				.withUserConfiguration(CustomServletHandlerConfiguration.class)
				.run((context) -> assertThat(context)
					.getBeanNames(WebPubSubWebhookHandler.class)
					.containsExactly("customHandler"));
		}

	}

	@Nested
	class ReactiveApplication {

		private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					WebPubSubAutoConfiguration.class, WebPubSubEventHandlerAutoConfiguration.class));

		@Test
		void registersReactiveEndpoint() {
			this.contextRunner.withPropertyValues(CONNECTION).run((context) -> {
				assertThat(context).hasSingleBean(dev.webpubsub.spring.web.reactive.WebPubSubWebhookHandler.class)
					.hasSingleBean(dev.webpubsub.spring.web.reactive.WebPubSubContextArgumentResolver.class)
					.doesNotHaveBean(WebPubSubWebhookHandler.class);
				assertThat(context).hasBean("webPubSubReactiveWebhookRouterFunction");
			});
		}

		@Test
		void backsOffFromUserDefinedHandler() {
			this.contextRunner.withPropertyValues(CONNECTION)
				.withBean("customHandler", dev.webpubsub.spring.web.reactive.WebPubSubWebhookHandler.class)
				.run((context) -> assertThat(context)
					.getBeanNames(dev.webpubsub.spring.web.reactive.WebPubSubWebhookHandler.class)
					.containsExactly("customHandler"));
		}

		@Test
		void registersNothingWhenDisabled() {
			this.contextRunner.withPropertyValues(CONNECTION, "webpubsub.event-handler.enabled=false")
				.run((context) -> assertThat(context)
					.doesNotHaveBean(dev.webpubsub.spring.web.reactive.WebPubSubWebhookHandler.class)
					.doesNotHaveBean("webPubSubReactiveWebhookRouterFunction"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomServletHandlerConfiguration {

		@Bean
		WebPubSubWebhookHandler customHandler(WebPubSubEventPipeline pipeline) {
			return new WebPubSubWebhookHandler(pipeline);
		}

	}

	static class ChatHandler {

		@WebPubSubEventHandler(event = "connect")
		void connect() {
		}

		@WebPubSubEventHandler(event = "message")
		String message(UserEventRequest request) {
			return request.getDataAsString();
		}

		@WebPubSubEventHandler(event = "connected", clientProtocols = WebPubSubClientProtocols.WEBPUBSUB)
		void connected(ConnectedEventRequest request) {
		}

	}

	static class PlaceholderHandler {

		@WebPubSubEventHandler(hub = "${app.hub}", event = "connect")
		void connect(ConnectEventRequest request) {
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@WebPubSubEventHandler(hub = "chat", event = "")
	@interface ChatEvent {

		@AliasFor(annotation = WebPubSubEventHandler.class, attribute = "event")
		String value();

	}

	static class ComposedAnnotationHandler {

		@ChatEvent("message")
		void message(UserEventRequest request) {
		}

	}

	static class AmbiguousHandler {

		@WebPubSubEventHandler(hub = "chat", event = "connected")
		void first(ConnectedEventRequest request) {
		}

		@WebPubSubEventHandler(hub = "CHAT", event = "Connected", eventType = WebPubSubEventType.SYSTEM)
		void second() {
		}

	}

	static class UnsupportedParameterHandler {

		@WebPubSubEventHandler(hub = "chat", event = "connect")
		void connect(Integer count) {
		}

	}

	static class WrongRequestHandler {

		@WebPubSubEventHandler(hub = "chat", event = "connected")
		void connected(UserEventRequest request) {
		}

	}

	static class UnsupportedReturnHandler {

		@WebPubSubEventHandler(hub = "chat", event = "message")
		ConnectEventResponse message() {
			return ConnectEventResponse.builder().build();
		}

	}

	static class UnknownSystemEventHandler {

		@WebPubSubEventHandler(hub = "chat", event = "message", eventType = WebPubSubEventType.SYSTEM)
		void message() {
		}

	}

	static class MissingConnectionHandler {

		@WebPubSubEventHandler(hub = "chat", event = "connected", connection = "OtherConnection")
		void connected() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProxiedHandlerConfiguration {

		final AtomicInteger interceptions = new AtomicInteger();

		@Bean
		ProxiedHandler proxiedHandler() {
			ProxyFactory factory = new ProxyFactory(new ProxiedHandler());
			factory.setProxyTargetClass(true);
			factory.addAdvice((MethodInterceptor) (invocation) -> {
				this.interceptions.incrementAndGet();
				return invocation.proceed();
			});
			return (ProxiedHandler) factory.getProxy();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JdkProxiedHandlerConfiguration {

		final AtomicInteger interceptions = new AtomicInteger();

		@Bean
		static BeanNameAutoProxyCreator jdkProxyCreator(Environment environment) {
			// Without proxyTargetClass, beans that implement an interface get a JDK proxy.
			BeanNameAutoProxyCreator creator = new BeanNameAutoProxyCreator();
			creator.setBeanNames(environment.getProperty("test.proxied-bean", "jdkProxiedHandler"));
			creator.setInterceptorNames("countingInterceptor");
			return creator;
		}

		@Bean
		MethodInterceptor countingInterceptor() {
			return (invocation) -> {
				this.interceptions.incrementAndGet();
				return invocation.proceed();
			};
		}

		@Bean
		JdkProxiedHandler jdkProxiedHandler() {
			return new JdkProxiedHandler();
		}

		@Bean
		@ConditionalOnProperty("test.proxied-bean")
		HiddenMethodHandler hiddenMethodHandler() {
			return new HiddenMethodHandler();
		}

	}

	interface ConnectHandler {

		ConnectEventResponse connect();

	}

	static class JdkProxiedHandler implements ConnectHandler {

		@Override
		@WebPubSubEventHandler(hub = "jdk", event = "connect")
		public ConnectEventResponse connect() {
			return ConnectEventResponse.builder().userId("jdk-user").build();
		}

	}

	static class HiddenMethodHandler implements Runnable {

		@Override
		public void run() {
		}

		@WebPubSubEventHandler(hub = "hidden", event = "connect")
		public void connect() {
		}

	}

	static class ProxiedHandler {

		@WebPubSubEventHandler(hub = "proxied", event = "connect")
		public ConnectEventResponse connect() {
			return ConnectEventResponse.builder().userId("proxied-user").build();
		}

	}

}
