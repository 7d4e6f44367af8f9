package dev.webpubsub.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.scheduler.Schedulers;

import dev.webpubsub.spring.handler.WebPubSubEventPipeline;
import dev.webpubsub.spring.web.reactive.WebPubSubContextArgumentResolver;
import dev.webpubsub.spring.web.reactive.WebPubSubWebhookHandler;

/**
 * Webhook endpoint and {@code WebPubSubContext} arguments for Spring WebFlux applications.
 *
 * @author Web PubSub for Spring Boot team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
class ReactiveWebhookEndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebPubSubWebhookHandler webPubSubReactiveWebhookHandler(WebPubSubEventPipeline pipeline,
			WebPubSubEventHandlerProperties properties) {
		WebPubSubWebhookHandler handler = new WebPubSubWebhookHandler(pipeline);
		if (properties.isBlockingHandlers()) {
			handler.setBlockingHandlerScheduler(Schedulers.boundedElastic());
		}
		return handler;
	}

	@Bean
	RouterFunction<ServerResponse> webPubSubReactiveWebhookRouterFunction(WebPubSubWebhookHandler handler,
			WebPubSubEventHandlerProperties properties) {
		return handler.routerFunction(properties.getPath());
	}

	@Bean
	@ConditionalOnMissingBean
	WebPubSubContextArgumentResolver webPubSubReactiveContextArgumentResolver(WebPubSubEventPipeline pipeline) {
		return new WebPubSubContextArgumentResolver(pipeline);
	}

	@Bean
	WebFluxConfigurer webPubSubContextWebFluxConfigurer(WebPubSubContextArgumentResolver resolver) {
		return new WebFluxConfigurer() {

			@Override
			public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
				configurer.addCustomResolver(resolver);
			}

		};
	}

}
