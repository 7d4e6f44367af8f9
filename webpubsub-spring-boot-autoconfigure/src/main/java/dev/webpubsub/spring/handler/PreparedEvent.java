package dev.webpubsub.spring.handler;

import org.jspecify.annotations.Nullable;

import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.event.WebPubSubDataType;

/**
 * Upstream request whose headers passed validation and routing; the pipeline needs its body to finish it.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class PreparedEvent implements EventPreparation {

	private final @Nullable EventHandlerMethod handler;

	private final EventKind kind;

	private final WebPubSubConnectionContext context;

	private final @Nullable WebPubSubDataType dataType;

	PreparedEvent(@Nullable EventHandlerMethod handler, EventKind kind, WebPubSubConnectionContext context,
			@Nullable WebPubSubDataType dataType) {
		this.handler = handler;
		this.kind = kind;
		this.context = context;
		this.dataType = dataType;
	}

	@Nullable EventHandlerMethod handler() {
		return this.handler;
	}

	EventKind kind() {
		return this.kind;
	}

	@Nullable WebPubSubDataType dataType() {
		return this.dataType;
	}

	/**
	 * Whether the handler method returns a plain value rather than a {@code Mono} or {@code CompletionStage}, so
	 * that invoking it may block; reactive adapters invoke such methods off the event loop.
	 * @return whether the handler may block
	 */
	public boolean mayBlock() {
		return this.handler != null && this.handler.mayBlock();
	}

	/**
	 * Returns the connection context read from the headers.
	 * @return the connection context
	 */
	public WebPubSubConnectionContext getConnectionContext() {
		return this.context;
	}

	@Override
	public String toString() {
		return "PreparedEvent[" + this.context + "]";
	}

}
