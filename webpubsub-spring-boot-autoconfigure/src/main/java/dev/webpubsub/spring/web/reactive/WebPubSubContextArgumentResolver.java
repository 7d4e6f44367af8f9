package dev.webpubsub.spring.web.reactive;

import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.handler.EventPreparation;
import dev.webpubsub.spring.handler.PreparedEvent;
import dev.webpubsub.spring.handler.WebPubSubContext;
import dev.webpubsub.spring.handler.WebPubSubEventPipeline;

/**
 * Resolves {@link WebPubSubContext} arguments of Spring WebFlux controller methods: the request is validated and
 * read by the {@link WebPubSubEventPipeline}, as on the webhook endpoint but without routing to handler methods.
 *
 * @author Web PubSub for Spring Boot team
 */
public class WebPubSubContextArgumentResolver implements HandlerMethodArgumentResolver {

	private final WebPubSubEventPipeline pipeline;

	/**
	 * Creates a resolver.
	 * @param pipeline the pipeline
	 */
	public WebPubSubContextArgumentResolver(WebPubSubEventPipeline pipeline) {
		this.pipeline = pipeline;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == WebPubSubContext.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		String method = exchange.getRequest().getMethod().name();
		EventPreparation preparation = this.pipeline.prepareContext(method, exchange.getRequest().getHeaders());
		if (!(preparation instanceof PreparedEvent)) {
			return Mono.just(this.pipeline.createContext(method, preparation, new byte[0]));
		}
		return ReactiveBodies.read(exchange.getRequest().getBody(), this.pipeline.getMaxBodySize())
			.map((body) -> (Object) this.pipeline.createContext(method, preparation, body))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> Mono.just(this.pipeline.createContext(method, preparation, null)));
	}

}
