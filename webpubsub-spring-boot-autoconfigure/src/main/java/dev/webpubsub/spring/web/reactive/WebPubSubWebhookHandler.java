package dev.webpubsub.spring.web.reactive;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.webpubsub.spring.handler.EventPreparation;
import dev.webpubsub.spring.handler.EventResult;
import dev.webpubsub.spring.handler.PreparedEvent;
import dev.webpubsub.spring.handler.WebPubSubEventPipeline;

/**
 * Spring WebFlux adapter of the Web PubSub webhook endpoint: copies the request into the
 * {@link WebPubSubEventPipeline} and its result into the response. The body is read only after the headers pass
 * validation, and joining it stops with 413 as soon as it passes the size limit. Handler methods that return a
 * plain value run on the bounded elastic scheduler, so that blocking code in them never stalls the event loop.
 *
 * @author Web PubSub for Spring Boot team
 */
public class WebPubSubWebhookHandler implements HandlerFunction<ServerResponse> {

	private final WebPubSubEventPipeline pipeline;

	/**
	 * Creates a handler.
	 * @param pipeline the pipeline
	 */
	public WebPubSubWebhookHandler(WebPubSubEventPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * Returns a router function that sends every request for the path, whatever its method, to this handler.
	 * @param path the webhook path
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routerFunction(String path) {
		return RouterFunctions.route(RequestPredicates.path(path), this);
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		EventPreparation preparation = this.pipeline.prepare(request.method().name(),
				request.headers().asHttpHeaders());
		if (preparation instanceof EventResult result) {
			return toResponse(result);
		}
		PreparedEvent event = (PreparedEvent) preparation;
		return ReactiveBodies.read(request.body(BodyExtractors.toDataBuffers()), this.pipeline.getMaxBodySize())
			.flatMap((body) -> invoke(event, body))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(this.pipeline.bodyTooLarge()))
			.flatMap(this::toResponse);
	}

	/**
	 * Invokes the handler; one that returns a plain value may block (a database call, a blocking template), so it
	 * runs on the bounded elastic scheduler rather than on the event loop.
	 */
	private Mono<EventResult> invoke(PreparedEvent event, byte[] body) {
		Mono<EventResult> result = Mono.fromFuture(() -> this.pipeline.handle(event, body));
		return event.mayBlock() ? result.subscribeOn(Schedulers.boundedElastic()) : result;
	}

	private Mono<ServerResponse> toResponse(EventResult result) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(result.status())
			.headers((headers) -> headers.addAll(result.headers()));
		return (result.body().length > 0) ? builder.bodyValue(result.body()) : builder.build();
	}

}
