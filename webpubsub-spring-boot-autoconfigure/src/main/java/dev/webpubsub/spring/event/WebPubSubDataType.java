package dev.webpubsub.spring.event;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Type of the data of a user event or of a reply, carried as the HTTP {@code Content-Type}.
 *
 * @author Web PubSub for Spring Boot team
 */
public enum WebPubSubDataType {

	/**
	 * Binary data, {@code application/octet-stream}.
	 */
	BINARY("application/octet-stream"),

	/**
	 * JSON data, {@code application/json}.
	 */
	JSON("application/json"),

	/**
	 * UTF-8 text, {@code text/plain}.
	 */
	TEXT("text/plain");

	private final String mediaType;

	WebPubSubDataType(String mediaType) {
		this.mediaType = mediaType;
	}

	/**
	 * Returns the media type without parameters.
	 * @return the media type, such as {@code text/plain}
	 */
	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * Returns the data type of a {@code Content-Type} value; parameters such as {@code charset} are ignored.
	 * @param contentType the header value
	 * @return the data type, or {@code null} when the media type is none of the three
	 */
	public static @Nullable WebPubSubDataType fromContentType(String contentType) {
		int semicolon = contentType.indexOf(';');
		String mediaType = ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).trim()
			.toLowerCase(Locale.ROOT);
		for (WebPubSubDataType type : values()) {
			if (type.mediaType.equals(mediaType)) {
				return type;
			}
		}
		return null;
	}

}
