package dev.webpubsub.spring.web.reactive;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import dev.webpubsub.spring.handler.EventPreparation;
import dev.webpubsub.spring.handler.EventResult;
import dev.webpubsub.spring.handler.PreparedEvent;
import dev.webpubsub.spring.handler.WebPubSubEventPipeline;

/**
 * Spring WebFlux adapter of the Web PubSub webhook endpoint: copies the request into the
 * {@link WebPubSubEventPipeline} and its result into the response. The body is read only after the headers pass
 * validation, and joining it stops with 413 as soon as it passes the size limit. As with WebFlux controllers,
 * handler methods run on the event loop unless a {@link #setBlockingHandlerScheduler scheduler for blocking
 * handlers} is set: then those that return a plain value rather than a {@code Mono} or {@code CompletionStage} run
 * on it.
 *
 * @author Web PubSub for Spring Boot team
 */
public class WebPubSubWebhookHandler implements HandlerFunction<ServerResponse> {

	private final WebPubSubEventPipeline pipeline;

	private @Nullable Scheduler blockingHandlerScheduler;

	/**
	 * Creates a handler.
	 * @param pipeline the pipeline
	 */
	public WebPubSubWebhookHandler(WebPubSubEventPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * Sets the scheduler that handler methods returning a plain value run on, for handlers that block (a database
	 * call, the blocking {@code WebPubSubTemplate}); {@code null}, the default, runs them on the event loop.
	 * @param blockingHandlerScheduler the scheduler, or {@code null}
	 */
	public void setBlockingHandlerScheduler(@Nullable Scheduler blockingHandlerScheduler) {
		this.blockingHandlerScheduler = blockingHandlerScheduler;
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

	private Mono<EventResult> invoke(PreparedEvent event, byte[] body) {
		Scheduler scheduler = this.blockingHandlerScheduler;
		if (scheduler != null && event.mayBlock()) {
			return Mono.fromFuture(() -> this.pipeline.handle(event, body)).subscribeOn(scheduler);
		}
		return Mono.fromFuture(this.pipeline.handle(event, body));
	}

	private Mono<ServerResponse> toResponse(EventResult result) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(result.status())
			.headers((headers) -> headers.addAll(result.headers()));
		return (result.body().length > 0) ? builder.bodyValue(result.body()) : builder.build();
	}

}
