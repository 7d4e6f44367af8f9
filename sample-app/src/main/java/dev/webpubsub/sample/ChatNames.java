package dev.webpubsub.sample;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Rule for the names users choose: user ids and room names are 1 to 32 letters, digits, {@code -} or {@code _}.
 * Keeping both to one short, safe alphabet means they can go into group names and JSON unescaped.
 */
final class ChatNames {

	/** Longest user id or room name, in characters. */
	static final int MAX_LENGTH = 32;

	/** The rule in words, for error messages. */
	static final String RULE = "1-32 letters, digits, - or _";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

	private ChatNames() {
	}

	/**
	 * Whether {@code name} is a valid user id or room name.
	 * @param name the name to check, may be {@code null}
	 * @return {@code true} for 1 to 32 letters, digits, {@code -} or {@code _}
	 */
	static boolean isValid(@Nullable String name) {
		return name != null && VALID.matcher(name).matches();
	}

}
