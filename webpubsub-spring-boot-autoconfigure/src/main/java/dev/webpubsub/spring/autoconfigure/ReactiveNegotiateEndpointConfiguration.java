package dev.webpubsub.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.webpubsub.spring.token.ClientAccessTokens;
import dev.webpubsub.spring.token.NegotiatePolicy;
import dev.webpubsub.spring.web.reactive.NegotiateHandler;

/**
 * The negotiate endpoint of reactive web applications: a replaceable {@link NegotiateHandler} bean, routed at
 * {@code webpubsub.negotiate.path} by a router function.
 *
 * @author Web PubSub for Spring Boot team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
class ReactiveNegotiateEndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NegotiateHandler webPubSubNegotiateHandler(NegotiatePolicy policy, ClientAccessTokens tokens) {
		return new NegotiateHandler(policy, tokens);
	}

	@Bean
	@ConditionalOnMissingBean(name = "webPubSubNegotiateRouterFunction")
	RouterFunction<ServerResponse> webPubSubNegotiateRouterFunction(NegotiateHandler handler,
			WebPubSubNegotiateProperties properties) {
		return RouterFunctions.route().GET(properties.getPath(), handler).build();
	}

}
