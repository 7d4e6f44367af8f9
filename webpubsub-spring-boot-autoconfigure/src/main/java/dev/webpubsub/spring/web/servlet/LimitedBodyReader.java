package dev.webpubsub.spring.web.servlet;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * Reads a request body up to a limit, never buffering more than one byte beyond it.
 *
 * @author Web PubSub for Spring Boot team
 */
final class LimitedBodyReader {

	private LimitedBodyReader() {
	}

	/**
	 * Reads the body.
	 * @param input the body stream
	 * @param limit the largest accepted size in bytes
	 * @return the body, or {@code null} when it is larger than the limit
	 * @throws IOException if reading fails
	 */
	static byte @Nullable [] read(InputStream input, long limit) throws IOException {
		byte[] body = input.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
		return (body.length > limit) ? null : body;
	}

}
