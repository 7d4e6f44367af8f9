package dev.webpubsub.spring.event;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Connection states a response sets: new or changed values by key, and whether the states the request carried
 * are cleared first.
 *
 * @param values the values to set, raw bytes by key
 * @param clear whether the request's states are dropped before {@code values} are applied
 * @author Web PubSub for Spring Boot team
 */
public record ConnectionStates(Map<String, byte[]> values, boolean clear) {

	/**
	 * No change: the connection keeps the states it has.
	 */
	public static final ConnectionStates UNCHANGED = new ConnectionStates(Map.of(), false);

	/**
	 * Creates the states with an unmodifiable copy of the values.
	 */
	public ConnectionStates {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * Returns these states with one value set.
	 * @param key the key
	 * @param value the value as raw bytes
	 * @return the new states
	 */
	public ConnectionStates with(String key, byte[] value) {
		Objects.requireNonNull(key, "'key' must not be null");
		Objects.requireNonNull(value, "'value' must not be null");
		Map<String, byte[]> copy = new LinkedHashMap<>(this.values);
		copy.put(key, value.clone());
		return new ConnectionStates(copy, this.clear);
	}

	/**
	 * Returns these states with one value set.
	 * @param key the key
	 * @param value the value, stored as UTF-8
	 * @return the new states
	 */
	public ConnectionStates with(String key, String value) {
		Objects.requireNonNull(value, "'value' must not be null");
		return with(key, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Returns states that clear the request's states and set nothing.
	 * @return the states
	 */
	public static ConnectionStates cleared() {
		return new ConnectionStates(Map.of(), true);
	}

}
