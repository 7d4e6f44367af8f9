package dev.webpubsub.spring.token;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;

/**
 * Creates client access URLs: {@code ws(s)://host/client/hubs/{hub}?access_token=...} (or the MQTT and Socket.IO
 * endpoints). A connection with an access key signs the token locally (HS256, claims {@code aud}, {@code iat},
 * {@code exp} and, when set, {@code sub}, {@code role} and {@code webpubsub.group}); an identity-based connection
 * asks the service for one through the REST operation {@code :generateToken} with an Entra ID bearer token.
 * <p>
 * Instances are thread-safe.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class ClientAccessTokens {

	/**
	 * REST api-version used for {@code :generateToken}.
	 */
	static final String API_VERSION = "2024-12-01";

	private final WebPubSubConnections connections;

	private final WebClient webClient;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final Map<String, Hs256JwtSigner> signers = new ConcurrentHashMap<>();

	/**
	 * Creates an instance that uses the system clock.
	 * @param connections the connections, whose default one serves the methods without a connection argument
	 * @param webClient the client for {@code :generateToken} calls of identity-based connections
	 * @param jsonMapper the mapper that reads the service's responses
	 */
	public ClientAccessTokens(WebPubSubConnections connections, WebClient webClient, JsonMapper jsonMapper) {
		this(connections, webClient, jsonMapper, Clock.systemUTC());
	}

	/**
	 * Creates an instance.
	 * @param connections the connections, whose default one serves the methods without a connection argument
	 * @param webClient the client for {@code :generateToken} calls of identity-based connections
	 * @param jsonMapper the mapper that reads the service's responses
	 * @param clock the clock that dates locally signed tokens
	 */
	public ClientAccessTokens(WebPubSubConnections connections, WebClient webClient, JsonMapper jsonMapper,
			Clock clock) {
		this.connections = connections;
		this.webClient = webClient;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Creates a client access URL on the default connection.
	 * @param options what the token grants
	 * @return the URL
	 * @throws IllegalStateException if no default connection is configured
	 */
	public Mono<ClientAccessUrl> generate(ClientAccessOptions options) {
		return Mono.defer(() -> generate(this.connections.getDefault(), options));
	}

	/**
	 * Creates a client access URL on the given connection.
	 * @param connection the connection
	 * @param options what the token grants
	 * @return the URL
	 */
	public Mono<ClientAccessUrl> generate(WebPubSubConnection connection, ClientAccessOptions options) {
		String accessKey = connection.accessKey();
		if (accessKey != null) {
			return Mono.fromSupplier(() -> sign(connection, accessKey, options));
		}
		EntraTokenProvider entraTokens = connection.entraTokens();
		if (entraTokens == null) {
			return Mono.error(new IllegalStateException("Connection '" + connection.name() + "' has no credential"));
		}
		URI uri = generateTokenUri(connection, options);
		return entraTokens.getToken()
			.flatMap((bearer) -> this.webClient.post()
				.uri(uri)
				.headers((headers) -> headers.setBearerAuth(bearer))
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.bodyToMono(String.class))
			.onErrorMap(WebClientResponseException.class,
					(ex) -> new IllegalStateException("Web PubSub :generateToken for hub '" + options.hub() + "' on '"
							+ connection.endpoint() + "' failed with status " + ex.getStatusCode().value(), ex))
			.map((body) -> clientAccessUrl(connection, options, readToken(connection, body)));
	}

	/**
	 * Creates a client access URL on the default connection, blocking for an identity-based connection until the
	 * service answers. Not for use on a non-blocking thread.
	 * @param options what the token grants
	 * @return the URL
	 * @throws IllegalStateException if no default connection is configured or the service call fails
	 */
	public ClientAccessUrl generateBlocking(ClientAccessOptions options) {
		return generateBlocking(this.connections.getDefault(), options);
	}

	/**
	 * Creates a client access URL on the given connection, blocking for an identity-based connection until the
	 * service answers. Not for use on a non-blocking thread.
	 * @param connection the connection
	 * @param options what the token grants
	 * @return the URL
	 * @throws IllegalStateException if the service call fails
	 */
	public ClientAccessUrl generateBlocking(WebPubSubConnection connection, ClientAccessOptions options) {
		String accessKey = connection.accessKey();
		if (accessKey != null) {
			return sign(connection, accessKey, options);
		}
		ClientAccessUrl url = generate(connection, options).block();
		if (url == null) {
			throw new IllegalStateException("Web PubSub :generateToken returned no token");
		}
		return url;
	}

	private ClientAccessUrl sign(WebPubSubConnection connection, String accessKey, ClientAccessOptions options) {
		long now = this.clock.instant().getEpochSecond();
		JsonClaims claims = new JsonClaims()
			.add("aud", httpOrigin(connection.endpoint()) + "/" + options.protocol().path(options.hub()))
			.add("iat", now)
			.add("exp", now + Math.max(1, options.lifetime().toSeconds()));
		if (options.userId() != null) {
			claims.add("sub", options.userId());
		}
		if (!options.roles().isEmpty()) {
			claims.add("role", options.roles());
		}
		if (!options.groups().isEmpty()) {
			claims.add("webpubsub.group", options.groups());
		}
		String token = this.signers.computeIfAbsent(accessKey, Hs256JwtSigner::new).sign(claims.toJson());
		return clientAccessUrl(connection, options, token);
	}

	private static URI generateTokenUri(WebPubSubConnection connection, ClientAccessOptions options) {
		StringBuilder uri = new StringBuilder(connection.endpoint().toString()).append("/api/hubs/")
			.append(UriUtils.encodePathSegment(options.hub(), StandardCharsets.UTF_8))
			.append("/:generateToken?api-version=")
			.append(API_VERSION);
		if (options.userId() != null) {
			appendQuery(uri, "userId", options.userId());
		}
		options.roles().forEach((role) -> appendQuery(uri, "role", role));
		appendQuery(uri, "minutesToExpire", String.valueOf(Math.max(1, options.lifetime().toMinutes())));
		options.groups().forEach((group) -> appendQuery(uri, "group", group));
		appendQuery(uri, "clientType", options.protocol().clientType());
		return URI.create(uri.toString());
	}

	private static void appendQuery(StringBuilder uri, String name, String value) {
		uri.append('&').append(name).append('=').append(UriUtils.encode(value, StandardCharsets.UTF_8));
	}

	private String readToken(WebPubSubConnection connection, String body) {
		try {
			JsonNode token = this.jsonMapper.readTree(body).path("token");
			if (token.isString() && !token.stringValue().isEmpty()) {
				return token.stringValue();
			}
		}
		catch (JacksonException ex) {
			// reported below without the body, which may hold a token
		}
		throw new IllegalStateException("Web PubSub :generateToken on '" + connection.endpoint()
				+ "' did not answer with {\"token\":\"...\"}");
	}

	private static ClientAccessUrl clientAccessUrl(WebPubSubConnection connection, ClientAccessOptions options,
			String token) {
		URI endpoint = connection.endpoint();
		String scheme = "https".equalsIgnoreCase(endpoint.getScheme()) ? "wss" : "ws";
		String baseUrl = scheme + "://" + authority(endpoint) + "/"
				+ options.protocol().path(UriUtils.encodePathSegment(options.hub(), StandardCharsets.UTF_8));
		return new ClientAccessUrl(baseUrl, baseUrl + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
				token);
	}

	private static String httpOrigin(URI endpoint) {
		return endpoint.getScheme().toLowerCase(Locale.ROOT) + "://" + authority(endpoint);
	}

	private static String authority(URI endpoint) {
		return (endpoint.getPort() != -1) ? endpoint.getHost() + ":" + endpoint.getPort() : endpoint.getHost();
	}

}
