package dev.webpubsub.spring.web;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.autoconfigure.WebPubSubAutoConfiguration;
import dev.webpubsub.spring.autoconfigure.WebPubSubNegotiateAutoConfiguration;
import dev.webpubsub.spring.web.reactive.NegotiateHandler;

/**
 * Negotiate endpoint behaviour in a Spring WebFlux application ({@link NegotiateHandler}), through WebTestClient.
 */
class ReactiveNegotiateEndpointTests extends AbstractNegotiateEndpointTests<ReactiveWebApplicationContextRunner> {

	@Override
	ReactiveWebApplicationContextRunner runner() {
		return new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
				WebPubSubAutoConfiguration.class, WebPubSubNegotiateAutoConfiguration.class,
				WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, JacksonAutoConfiguration.class));
	}

	@Override
	AutoConfigurations security() {
		return AutoConfigurations.of(ReactiveWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class);
	}

	@Override
	Response exchange(ApplicationContext context, Request request) {
		WebTestClient.MockServerSpec<?> client = WebTestClient.bindToApplicationContext(context);
		if (request.principal() != null) {
			client.webFilter((exchange, chain) -> chain
				.filter(exchange.mutate().principal(Mono.just(request.principal())).build()));
		}
		EntityExchangeResult<String> result = client.build()
			.method(request.method())
			.uri(request.uri())
			.headers((headers) -> headers.addAll(request.headers()))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		String body = result.getResponseBody();
		return new Response(result.getStatus().value(), result.getResponseHeaders(), (body != null) ? body : "");
	}

}
