package dev.webpubsub.spring.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A parsed Web PubSub connection string ({@code Endpoint=...;AccessKey=...;Port=...;Version=1.0;}), following
 * the rules of the Azure Functions extension: entries are separated by {@code ;} and split on their first
 * {@code =}, keys are case-insensitive and trimmed, a duplicated key is an error, {@code Endpoint} is required
 * and must be an absolute http or https URL (a trailing {@code /} is trimmed), {@code Port} (1-65535) replaces
 * the endpoint's port, and {@code Version} is ignored. Without {@code AccessKey} the connection is
 * identity-based (Entra ID).
 *
 * @param endpoint the service endpoint, http or https, without a trailing slash
 * @param accessKey the access key, used as the UTF-8 bytes of the string, or {@code null} for an identity-based
 * connection
 * @author Web PubSub for Spring Boot team
 */
public record ConnectionString(URI endpoint, @Nullable String accessKey) {

	private static final String ENDPOINT = "endpoint";

	private static final String ACCESS_KEY = "accesskey";

	private static final String PORT = "port";

	private static final Pattern PRINTABLE_PORT = Pattern.compile("[-+]?[A-Za-z0-9]{0,6}");

	/**
	 * Parses a connection string.
	 * @param value the connection string
	 * @return the parsed connection string
	 * @throws InvalidConnectionStringException if the value is blank or breaks one of the rules
	 */
	public static ConnectionString parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConnectionStringException("Connection string is empty.");
		}
		Map<String, String> properties = new LinkedHashMap<>();
		for (String entry : value.split(";")) {
			int separator = entry.indexOf('=');
			if (separator < 0) {
				continue;
			}
			String key = entry.substring(0, separator).trim();
			String lowerCaseKey = key.toLowerCase(Locale.ROOT);
			if (properties.containsKey(lowerCaseKey)) {
				throw new InvalidConnectionStringException("Duplicate properties found in connection string: " + key + ".");
			}
			properties.put(lowerCaseKey, entry.substring(separator + 1).trim());
		}
		String endpoint = properties.get(ENDPOINT);
		if (endpoint == null || endpoint.isEmpty()) {
			throw new InvalidConnectionStringException("Required property not found in connection string: Endpoint.");
		}
		URI uri = parseEndpoint(endpoint);
		String port = properties.get(PORT);
		if (port != null) {
			uri = withPort(uri, parsePort(port));
		}
		String accessKey = properties.get(ACCESS_KEY);
		return new ConnectionString(uri, (accessKey != null && !accessKey.isEmpty()) ? accessKey : null);
	}

	/**
	 * Parses an endpoint URL: absolute, http or https, with a host; a trailing slash is trimmed.
	 * @param value the endpoint
	 * @return the endpoint as a URI
	 * @throws InvalidConnectionStringException if the value is not such a URL
	 */
	public static URI parseEndpoint(String value) {
		String trimmed = value.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw new InvalidConnectionStringException("Invalid Endpoint value: not a valid URL.");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new InvalidConnectionStringException("Invalid Endpoint value: the scheme must be http or https.");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new InvalidConnectionStringException("Invalid Endpoint value: the URL has no host.");
		}
		return uri;
	}

	private static int parsePort(String value) {
		try {
			int port = Integer.parseInt(value);
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		// A missing ';' can run the next entry, such as the access key, into the value: print only what looks
		// like a port.
		throw new InvalidConnectionStringException("Invalid Port value: "
				+ (PRINTABLE_PORT.matcher(value).matches() ? value : "not a number from 1 to 65535."));
	}

	private static URI withPort(URI uri, int port) {
		try {
			return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), port, uri.getPath(), uri.getQuery(),
					uri.getFragment());
		}
		catch (URISyntaxException ex) {
			throw new InvalidConnectionStringException("Invalid Endpoint value: not a valid URL.");
		}
	}

	/**
	 * Whether this connection has no access key and so authenticates with Entra ID.
	 * @return {@code true} for an identity-based connection
	 */
	public boolean isIdentityBased() {
		return this.accessKey == null;
	}

	@Override
	public String toString() {
		return "ConnectionString[endpoint=" + this.endpoint + ", accessKey=" + ((this.accessKey != null) ? "******" : "none")
				+ "]";
	}

}
