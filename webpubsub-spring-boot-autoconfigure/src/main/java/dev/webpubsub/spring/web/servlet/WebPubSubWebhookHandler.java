package dev.webpubsub.spring.web.servlet;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.webpubsub.spring.handler.EventPreparation;
import dev.webpubsub.spring.handler.EventResult;
import dev.webpubsub.spring.handler.PreparedEvent;
import dev.webpubsub.spring.handler.WebPubSubEventPipeline;

/**
 * Spring MVC adapter of the Web PubSub webhook endpoint: copies the request into the
 * {@link WebPubSubEventPipeline} and its result into the response. The body is read only after the headers pass
 * validation, and never beyond the size limit. Handlers that complete later answer asynchronously.
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
	public ServerResponse handle(ServerRequest request) throws IOException {
		EventPreparation preparation = this.pipeline.prepare(request.method().name(),
				request.headers().asHttpHeaders());
		if (preparation instanceof EventResult result) {
			return toResponse(result);
		}
		byte[] body = LimitedBodyReader.read(request.servletRequest().getInputStream(),
				this.pipeline.getMaxBodySize());
		if (body == null) {
			return toResponse(this.pipeline.bodyTooLarge());
		}
		CompletableFuture<EventResult> result = this.pipeline.handle((PreparedEvent) preparation, body);
		return result.isDone() ? toResponse(result.join()) : ServerResponse.async(result.thenApply(this::toResponse));
	}

	private ServerResponse toResponse(EventResult result) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(result.status())
			.headers((headers) -> headers.addAll(result.headers()));
		return (result.body().length > 0) ? builder.body(result.body()) : builder.build();
	}

}
