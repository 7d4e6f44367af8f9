package dev.webpubsub.spring.connection;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The service's rule for hub names: a letter followed by at most 127 letters, digits and characters
 * {@code _`,.[]}, that is {@value #PATTERN}. Names outside it are refused by the REST API and cannot appear in a
 * client URL, so every place that accepts a hub checks it before anything is sent.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class HubName {

	/**
	 * Regular expression that a hub name matches.
	 */
	public static final String PATTERN = "^[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}$";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private HubName() {
	}

	/**
	 * Whether the given value is a valid hub name.
	 * @param hub the value to check
	 * @return {@code true} if it matches {@link #PATTERN}
	 */
	public static boolean isValid(@Nullable String hub) {
		return hub != null && COMPILED.matcher(hub).matches();
	}

	/**
	 * Returns the given value if it is a valid hub name.
	 * @param hub the value to check
	 * @param argumentName the name of the argument or property that holds the value, for the error message
	 * @return the hub
	 * @throws IllegalArgumentException naming the argument if the value is not a valid hub name
	 */
	public static String requireValid(@Nullable String hub, String argumentName) {
		if (hub == null || !isValid(hub)) {
			throw new IllegalArgumentException("'" + argumentName + "' must start with a letter and contain at most "
					+ "128 letters, digits and characters _`,.[] but was " + ((hub != null) ? "'" + hub + "'" : "null"));
		}
		return hub;
	}

}
