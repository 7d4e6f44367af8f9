package dev.webpubsub.spring.token;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.ConcurrentLruCache;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;

/**
 * Creates client access URLs: {@code ws(s)://host/client/hubs/{hub}?access_token=...} (or the MQTT and Socket.IO
 * endpoints). A connection with an access key signs the token locally (HS256, claims {@code aud}, {@code iat},
 * {@code exp} and, when set, {@code sub}, {@code role} and {@code webpubsub.group}); an identity-based connection
 * asks the service for one through a {@link ClientTokenService} (auto-configured over the template's
 * {@code :generateToken} operation, which authenticates with an Entra ID bearer token).
 * <p>
 * Instances are thread-safe.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class ClientAccessTokens {

	private static final int MAX_CACHED_ENDPOINTS = 256;

	private final WebPubSubConnections connections;

	private final ClientTokenService service;

	private final Clock clock;

	private final Map<String, Hs256JwtSigner> signers = new ConcurrentHashMap<>();

	// Hubs may come from callers, so the cache is bounded.
	private final ConcurrentLruCache<EndpointKey, ClientEndpoint> endpoints = new ConcurrentLruCache<>(
			MAX_CACHED_ENDPOINTS, ClientEndpoint::of);

	/**
	 * Creates an instance that uses the system clock.
	 * @param connections the connections, whose default one serves the methods without a connection argument
	 * @param service asks the service for the tokens of identity-based connections
	 */
	public ClientAccessTokens(WebPubSubConnections connections, ClientTokenService service) {
		this(connections, service, Clock.systemUTC());
	}

	/**
	 * Creates an instance.
	 * @param connections the connections, whose default one serves the methods without a connection argument
	 * @param service asks the service for the tokens of identity-based connections
	 * @param clock the clock that dates locally signed tokens
	 */
	public ClientAccessTokens(WebPubSubConnections connections, ClientTokenService service, Clock clock) {
		this.connections = connections;
		this.service = service;
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
		if (connection.entraTokens() == null) {
			return Mono.error(new IllegalStateException("Connection '" + connection.name() + "' has no credential"));
		}
		// Bad arguments keep their type; anything else is a failed service call.
		return Mono.defer(() -> this.service.generateClientToken(connection, options))
			.onErrorMap((ex) -> !(ex instanceof IllegalArgumentException),
					(ex) -> new IllegalStateException("Web PubSub :generateToken for hub '" + options.hub() + "' on '"
							+ connection.endpoint() + "' failed: " + ex.getMessage(), ex))
			.map((token) -> endpoint(connection, options).url(token));
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
		ClientEndpoint endpoint = endpoint(connection, options);
		long now = this.clock.instant().getEpochSecond();
		JsonClaims claims = new JsonClaims().add("aud", endpoint.audience())
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
		return endpoint.url(token);
	}

	/**
	 * Returns the audience and base URL of a hub's client endpoint, computed once per connection endpoint, client
	 * protocol and hub: they are the same for every token.
	 */
	private ClientEndpoint endpoint(WebPubSubConnection connection, ClientAccessOptions options) {
		return this.endpoints.get(new EndpointKey(connection.endpoint(), options.protocol(), options.hub()));
	}

	private record EndpointKey(URI endpoint, ClientProtocol protocol, String hub) {

	}

	private record ClientEndpoint(String audience, String baseUrl) {

		static ClientEndpoint of(EndpointKey key) {
			URI endpoint = key.endpoint();
			String scheme = "https".equalsIgnoreCase(endpoint.getScheme()) ? "wss" : "ws";
			String baseUrl = scheme + "://" + authority(endpoint) + "/"
					+ key.protocol().path(UriUtils.encodePathSegment(key.hub(), StandardCharsets.UTF_8));
			return new ClientEndpoint(httpOrigin(endpoint) + "/" + key.protocol().path(key.hub()), baseUrl);
		}

		ClientAccessUrl url(String token) {
			// A compact JWT is base64url parts joined by dots, all unreserved in a query, so it needs no encoding.
			return new ClientAccessUrl(this.baseUrl, this.baseUrl + "?access_token=" + token, token);
		}

	}

	private static String httpOrigin(URI endpoint) {
		return endpoint.getScheme().toLowerCase(Locale.ROOT) + "://" + authority(endpoint);
	}

	private static String authority(URI endpoint) {
		return (endpoint.getPort() != -1) ? endpoint.getHost() + ":" + endpoint.getPort() : endpoint.getHost();
	}

}
