package dev.webpubsub.spring.token;

import java.util.Collection;

/**
 * Builds the JSON object of a token's claims without a general-purpose mapper: claims are few and flat, and
 * tokens are minted on hot paths (every negotiate, every REST call). The negotiate response, equally flat, is
 * written the same way.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class JsonClaims {

	private final StringBuilder json = new StringBuilder(256).append('{');

	/**
	 * Adds a string claim.
	 * @param name the claim name
	 * @param value the value
	 * @return this builder
	 */
	public JsonClaims add(String name, String value) {
		appendName(name);
		appendString(value);
		return this;
	}

	/**
	 * Adds a numeric claim, such as a NumericDate.
	 * @param name the claim name
	 * @param value the value
	 * @return this builder
	 */
	public JsonClaims add(String name, long value) {
		appendName(name);
		this.json.append(value);
		return this;
	}

	/**
	 * Adds a claim whose value is an array of strings.
	 * @param name the claim name
	 * @param values the values
	 * @return this builder
	 */
	public JsonClaims add(String name, Collection<String> values) {
		appendName(name);
		this.json.append('[');
		boolean first = true;
		for (String value : values) {
			if (!first) {
				this.json.append(',');
			}
			appendString(value);
			first = false;
		}
		this.json.append(']');
		return this;
	}

	/**
	 * Returns the JSON object.
	 * @return the claims as JSON
	 */
	public String toJson() {
		return this.json.toString() + '}';
	}

	private void appendName(String name) {
		if (this.json.length() > 1) {
			this.json.append(',');
		}
		appendString(name);
		this.json.append(':');
	}

	private void appendString(String value) {
		this.json.append('"');
		// Copies runs of characters that need no escape at once: appending char by char dominated minting.
		int run = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\' || c < 0x20) {
				this.json.append(value, run, i);
				appendEscaped(c);
				run = i + 1;
			}
		}
		this.json.append(value, run, value.length()).append('"');
	}

	private void appendEscaped(char c) {
		switch (c) {
			case '"' -> this.json.append("\\\"");
			case '\\' -> this.json.append("\\\\");
			case '\n' -> this.json.append("\\n");
			case '\r' -> this.json.append("\\r");
			case '\t' -> this.json.append("\\t");
			default -> this.json.append(String.format("\\u%04x", (int) c));
		}
	}

}
