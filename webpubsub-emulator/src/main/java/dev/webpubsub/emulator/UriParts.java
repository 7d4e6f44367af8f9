package dev.webpubsub.emulator;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Splits a request URI into decoded path segments and query parameters.
 *
 * @param segments the percent-decoded path segments, without empty ones
 * @param query the decoded query parameters
 */
record UriParts(List<String> segments, Map<String, List<String>> query) {

	static UriParts parse(String uri) {
		int queryStart = uri.indexOf('?');
		String path = (queryStart < 0) ? uri : uri.substring(0, queryStart);
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(decode(segment));
			}
		}
		return new UriParts(List.copyOf(segments), new QueryStringDecoder(uri).parameters());
	}

	@Nullable String first(String name) {
		List<String> values = this.query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	List<String> all(String name) {
		return this.query.getOrDefault(name, List.of());
	}

	/**
	 * Percent-decodes a path segment; {@code +} stays a plus sign and malformed escapes are kept as written.
	 * @param value the encoded value
	 * @return the decoded value
	 */
	static String decode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
				out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
				i += 2;
			}
			else {
				out.write(bytes[i]);
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Percent-encodes a value for use as a path segment or query value.
	 * @param value the value
	 * @return the encoded value
	 */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static boolean isHex(byte b) {
		return Character.digit(b, 16) >= 0;
	}

}
