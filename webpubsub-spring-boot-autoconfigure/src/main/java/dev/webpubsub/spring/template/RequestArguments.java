package dev.webpubsub.spring.template;

import java.util.List;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Checks of the arguments of REST operations, made before anything is sent so that a mistake fails at the call
 * with the name of the argument rather than as a 400 from the service. The rules are those of the REST API.
 *
 * @author Web PubSub for Spring Boot team
 */
final class RequestArguments {

	private static final int MAX_GROUP_LENGTH = 1024;

	private static final int MAX_MESSAGE_TTL_SECONDS = 300;

	private RequestArguments() {
	}

	static String notBlank(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("'" + name + "' must not be " + ((value == null) ? "null" : "blank"));
		}
		return value;
	}

	static String group(String name, @Nullable String group) {
		notBlank(name, group);
		if (group.length() > MAX_GROUP_LENGTH) {
			throw new IllegalArgumentException("'" + name + "' must be at most " + MAX_GROUP_LENGTH
					+ " characters long but has " + group.length());
		}
		return group;
	}

	static List<String> ids(String name, @Nullable List<String> values) {
		return each(name, values, RequestArguments::notBlank);
	}

	static List<String> groups(String name, @Nullable List<String> values) {
		return each(name, values, RequestArguments::group);
	}

	private static List<String> each(String name, @Nullable List<String> values,
			BiConsumer<String, @Nullable String> check) {
		if (values == null) {
			throw new IllegalArgumentException("'" + name + "' must not be null");
		}
		for (int i = 0; i < values.size(); i++) {
			check.accept(name + "[" + i + "]", values.get(i));
		}
		return List.copyOf(values);
	}

	static int messageTtlSeconds(int seconds) {
		return range("messageTtlSeconds", seconds, 0, MAX_MESSAGE_TTL_SECONDS);
	}

	static int range(String name, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException("'" + name + "' must be "
					+ ((max == Integer.MAX_VALUE) ? "at least " + min : "between " + min + " and " + max) + " but was "
					+ value);
		}
		return value;
	}

	static <T> T notNull(String name, @Nullable T value) {
		if (value == null) {
			throw new IllegalArgumentException("'" + name + "' must not be null");
		}
		return value;
	}

}
