package dev.webpubsub.spring.handler;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

import dev.webpubsub.spring.annotation.WebPubSubEventParameter;

/**
 * Reads the name a handler method parameter is bound by: its {@link WebPubSubEventParameter} value, else its
 * compiled name.
 *
 * @author Web PubSub for Spring Boot team
 */
final class EventParameterNames {

	private EventParameterNames() {
	}

	static @Nullable String of(MethodParameter parameter) {
		WebPubSubEventParameter annotation = parameter.getParameterAnnotation(WebPubSubEventParameter.class);
		String name = (annotation != null) ? annotation.value() : parameter.getParameterName();
		return (name != null) ? name.toLowerCase(Locale.ROOT) : null;
	}

}
