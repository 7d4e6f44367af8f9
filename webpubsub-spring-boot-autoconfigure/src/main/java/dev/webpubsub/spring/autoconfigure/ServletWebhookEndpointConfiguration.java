package dev.webpubsub.spring.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import dev.webpubsub.spring.handler.WebPubSubEventPipeline;
import dev.webpubsub.spring.web.servlet.WebPubSubContextArgumentResolver;
import dev.webpubsub.spring.web.servlet.WebPubSubWebhookHandler;

/**
 * Webhook endpoint and {@code WebPubSubContext} arguments for Spring MVC applications.
 *
 * @author Web PubSub for Spring Boot team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
class ServletWebhookEndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebPubSubWebhookHandler webPubSubWebhookHandler(WebPubSubEventPipeline pipeline) {
		return new WebPubSubWebhookHandler(pipeline);
	}

	@Bean
	RouterFunction<ServerResponse> webPubSubWebhookRouterFunction(WebPubSubWebhookHandler handler,
			WebPubSubEventHandlerProperties properties) {
		return handler.routerFunction(properties.getPath());
	}

	@Bean
	@ConditionalOnMissingBean
	WebPubSubContextArgumentResolver webPubSubContextArgumentResolver(WebPubSubEventPipeline pipeline) {
		return new WebPubSubContextArgumentResolver(pipeline);
	}

	@Bean
	WebMvcConfigurer webPubSubContextWebMvcConfigurer(WebPubSubContextArgumentResolver resolver) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(resolver);
			}

		};
	}

}
