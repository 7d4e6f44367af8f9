package dev.webpubsub.spring.template;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.ConcurrentLruCache;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.connection.HubName;
import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.token.ClientAccessOptions;

/**
 * {@link ReactiveWebPubSubOperations} over the Web PubSub REST API (api-version {@value #API_VERSION}) with a
 * {@link WebClient}. Requests are built exactly like the official SDKs build them (paths, repeated query
 * parameters, percent-encoding, content types); each is authenticated with an HS256 token for an access-key
 * connection (cached per request URL until shortly before it expires) or an Entra ID token for an identity-based
 * one. Transient failures (408, 429, 500, 502, 503, 504, connection errors, timeouts) are retried with exponential
 * back-off and jitter, honouring {@code Retry-After}.
 * <p>
 * Instances are immutable and thread-safe; {@link #hub(String)} and {@link #connection(String)} return scoped
 * copies that share the {@code WebClient} and the token caches.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class ReactiveWebPubSubTemplate implements ReactiveWebPubSubOperations {

	/**
	 * Version of the REST API that the template calls.
	 */
	public static final String API_VERSION = "2024-12-01";

	private final Shared shared;

	private final WebPubSubConnection connection;

	private final @Nullable String hub;

	private ReactiveWebPubSubTemplate(Shared shared, WebPubSubConnection connection, @Nullable String hub) {
		this.shared = shared;
		this.connection = connection;
		this.hub = hub;
	}

	/**
	 * Returns a builder of a template for the given connection.
	 * @param connection the connection
	 * @return the builder
	 */
	public static Builder builder(WebPubSubConnection connection) {
		return new Builder(connection);
	}

	@Override
	public ReactiveWebPubSubTemplate hub(String hub) {
		return new ReactiveWebPubSubTemplate(this.shared, this.connection, HubName.requireValid(hub, "hub"));
	}

	@Override
	public ReactiveWebPubSubTemplate connection(String name) {
		RequestArguments.notBlank("name", name);
		WebPubSubConnections connections = this.shared.connections;
		if (connections == null) {
			throw new IllegalStateException("Named connection '" + name
					+ "' is not available: this template was built without WebPubSubConnections");
		}
		return connection(connections.get(name));
	}

	/**
	 * Returns a copy that uses the given connection, on the same hub, sharing the {@code WebClient}, retries,
	 * observations and token caches. Unlike {@link #connection(String)}, the connection need not come from the
	 * registry.
	 * @param connection the connection
	 * @return the template of that connection
	 */
	public ReactiveWebPubSubTemplate connection(WebPubSubConnection connection) {
		return new ReactiveWebPubSubTemplate(this.shared, RequestArguments.notNull("connection", connection),
				this.hub);
	}

	@Override
	public @Nullable String getHub() {
		return this.hub;
	}

	/**
	 * Returns the connection that operations use.
	 * @return the connection
	 */
	public WebPubSubConnection getConnection() {
		return this.connection;
	}

	@Override
	public Mono<Void> sendToAll(WebPubSubMessage message, SendOptions options) {
		return send("sendToAll", hubPath("/:send"), message, options, true, true);
	}

	@Override
	public Mono<Void> sendToGroup(String group, WebPubSubMessage message, SendOptions options) {
		return send("sendToGroup", hubPath("/groups/", group("group", group), "/:send"), message, options, true, true);
	}

	@Override
	public Mono<Void> sendToUser(String userId, WebPubSubMessage message, SendOptions options) {
		return send("sendToUser", hubPath("/users/", id("userId", userId), "/:send"), message, options, false, true);
	}

	@Override
	public Mono<Void> sendToConnection(String connectionId, WebPubSubMessage message, SendOptions options) {
		return send("sendToConnection", hubPath("/connections/", id("connectionId", connectionId), "/:send"), message,
				options, false, false);
	}

	private Mono<Void> send(String operation, String path, WebPubSubMessage message, SendOptions options,
			boolean excludedSupported, boolean filterSupported) {
		RequestArguments.notNull("message", message);
		RequestArguments.notNull("options", options);
		if (!excludedSupported && !options.excluded().isEmpty()) {
			throw new IllegalArgumentException("'excluded' is not supported by " + operation);
		}
		if (!filterSupported && options.filter() != null) {
			throw new IllegalArgumentException("'filter' is not supported by " + operation);
		}
		Query query = new Query().add("excluded", options.excluded())
			.add("filter", options.filter())
			.add("messageTtlSeconds", options.messageTtlSeconds());
		byte[] body = toBytes(message);
		return call(new ServiceRequest(operation, HttpMethod.POST, url(path, query), message.getContentType(), body,
				false, true));
	}

	@Override
	public Mono<Void> addConnectionToGroup(String group, String connectionId) {
		return call("addConnectionToGroup", HttpMethod.PUT,
				hubPath("/groups/", group("group", group), "/connections/", id("connectionId", connectionId)));
	}

	@Override
	public Mono<Void> removeConnectionFromGroup(String group, String connectionId) {
		return call("removeConnectionFromGroup", HttpMethod.DELETE,
				hubPath("/groups/", group("group", group), "/connections/", id("connectionId", connectionId)));
	}

	@Override
	public Mono<Void> removeConnectionFromAllGroups(String connectionId) {
		return call("removeConnectionFromAllGroups", HttpMethod.DELETE,
				hubPath("/connections/", id("connectionId", connectionId), "/groups"));
	}

	@Override
	public Mono<Void> addConnectionsToGroups(List<String> groups, String filter) {
		return groupsByFilter("addConnectionsToGroups", "/:addToGroups", groups, filter);
	}

	@Override
	public Mono<Void> removeConnectionsFromGroups(List<String> groups, String filter) {
		return groupsByFilter("removeConnectionsFromGroups", "/:removeFromGroups", groups, filter);
	}

	private byte[] toBytes(WebPubSubMessage message) {
		try {
			return message.toBytes(this.shared.executor.jsonMapper());
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("'message' cannot be serialised as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private Mono<Void> groupsByFilter(String operation, String action, List<String> groups, String filter) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("groups", RequestArguments.groups("groups", groups));
		body.put("filter", RequestArguments.notBlank("filter", filter));
		return call(new ServiceRequest(operation, HttpMethod.POST, url(hubPath(action), new Query()),
				MediaType.APPLICATION_JSON, this.shared.executor.jsonMapper().writeValueAsBytes(body), false, true));
	}

	@Override
	public Mono<Void> addUserToGroup(String group, String userId) {
		return call("addUserToGroup", HttpMethod.PUT,
				hubPath("/users/", id("userId", userId), "/groups/", group("group", group)));
	}

	@Override
	public Mono<Void> removeUserFromGroup(String group, String userId) {
		return call("removeUserFromGroup", HttpMethod.DELETE,
				hubPath("/users/", id("userId", userId), "/groups/", group("group", group)));
	}

	@Override
	public Mono<Void> removeUserFromAllGroups(String userId) {
		return call("removeUserFromAllGroups", HttpMethod.DELETE, hubPath("/users/", id("userId", userId), "/groups"));
	}

	@Override
	public Mono<Void> closeConnection(String connectionId, @Nullable String reason) {
		return call("closeConnection", HttpMethod.DELETE, hubPath("/connections/", id("connectionId", connectionId)),
				new Query().add("reason", reason));
	}

	@Override
	public Mono<Void> closeAllConnections(List<String> excluded, @Nullable String reason) {
		return call("closeAllConnections", HttpMethod.POST, hubPath("/:closeConnections"),
				closeQuery(excluded, reason));
	}

	@Override
	public Mono<Void> closeGroupConnections(String group, List<String> excluded, @Nullable String reason) {
		return call("closeGroupConnections", HttpMethod.POST,
				hubPath("/groups/", group("group", group), "/:closeConnections"), closeQuery(excluded, reason));
	}

	@Override
	public Mono<Void> closeUserConnections(String userId, List<String> excluded, @Nullable String reason) {
		return call("closeUserConnections", HttpMethod.POST,
				hubPath("/users/", id("userId", userId), "/:closeConnections"), closeQuery(excluded, reason));
	}

	private static Query closeQuery(List<String> excluded, @Nullable String reason) {
		return new Query().add("excluded", RequestArguments.ids("excluded", excluded)).add("reason", reason);
	}

	@Override
	public Mono<Void> grantPermission(WebPubSubPermission permission, String connectionId,
			@Nullable String targetName) {
		return call("grantPermission", HttpMethod.PUT, permissionPath(permission, connectionId),
				permissionQuery(targetName));
	}

	@Override
	public Mono<Void> revokePermission(WebPubSubPermission permission, String connectionId,
			@Nullable String targetName) {
		return call("revokePermission", HttpMethod.DELETE, permissionPath(permission, connectionId),
				permissionQuery(targetName));
	}

	@Override
	public Mono<Boolean> checkPermission(WebPubSubPermission permission, String connectionId,
			@Nullable String targetName) {
		return exists("checkPermission", permissionPath(permission, connectionId), permissionQuery(targetName));
	}

	private String permissionPath(WebPubSubPermission permission, String connectionId) {
		RequestArguments.notNull("permission", permission);
		return hubPath("/permissions/", permission.value(), "/connections/", id("connectionId", connectionId));
	}

	private static Query permissionQuery(@Nullable String targetName) {
		return new Query().add("targetName",
				(targetName != null) ? RequestArguments.group("targetName", targetName) : null);
	}

	@Override
	public Mono<Boolean> connectionExists(String connectionId) {
		return exists("connectionExists", hubPath("/connections/", id("connectionId", connectionId)), new Query());
	}

	@Override
	public Mono<Boolean> groupExists(String group) {
		return exists("groupExists", hubPath("/groups/", group("group", group)), new Query());
	}

	@Override
	public Mono<Boolean> userExists(String userId) {
		return exists("userExists", hubPath("/users/", id("userId", userId)), new Query());
	}

	private Mono<Boolean> exists(String operation, String path, Query query) {
		ServiceRequest request = new ServiceRequest(operation, HttpMethod.HEAD, url(path, query), null, null, true,
				true);
		return observe(operation, execute(request).map((response) -> response.status() != 404));
	}

	@Override
	public Flux<WebPubSubGroupMember> listConnectionsInGroup(String group, @Nullable Integer maxPageSize,
			@Nullable Integer top) {
		String operation = "listConnectionsInGroup";
		Query query = new Query()
			.add("maxpagesize",
					(maxPageSize != null) ? RequestArguments.range("maxPageSize", maxPageSize, 1, 200) : null)
			.add("top", (top != null) ? RequestArguments.range("top", top, 1, Integer.MAX_VALUE) : null);
		URI first = url(hubPath("/groups/", group("group", group), "/connections"), query);
		Flux<WebPubSubGroupMember> members = page(operation, first)
			.expand((page) -> (page.nextLink() != null) ? page(operation, nextPage(operation, page.nextLink()))
					: Mono.empty())
			.concatMapIterable(Page::members);
		return this.shared.executor.observe(operation, this.hub, (top != null) ? members.take(top) : members);
	}

	private Mono<Page> page(String operation, URI url) {
		return execute(new ServiceRequest(operation, HttpMethod.GET, url, null, null, false, true))
			.map((response) -> Page.of(this.shared.executor.readJson(response.body())));
	}

	private URI nextPage(String operation, String nextLink) {
		String link = nextLink.startsWith("/") ? endpoint() + nextLink : nextLink;
		URI next = URI.create(link.contains("api-version=") ? link
				: link + (link.contains("?") ? "&" : "?") + "api-version=" + API_VERSION);
		// The request carries a token that the service of this connection accepts: never send it anywhere else.
		URI endpoint = this.connection.endpoint();
		if (!endpoint.getScheme().equalsIgnoreCase(next.getScheme())
				|| !endpoint.getHost().equalsIgnoreCase(next.getHost()) || port(endpoint) != port(next)) {
			throw new WebPubSubException(operation, "Web PubSub operation '" + operation
					+ "' got a nextLink outside the endpoint " + endpoint + ": " + next.getScheme() + "://"
					+ next.getAuthority(), null);
		}
		return next;
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	@Override
	public Mono<String> generateClientToken(ClientAccessOptions options) {
		RequestArguments.notNull("options", options);
		return hub(options.hub()).generateClientTokenOnThisHub(options);
	}

	private Mono<String> generateClientTokenOnThisHub(ClientAccessOptions options) {
		String operation = "generateClientToken";
		Query query = new Query().add("userId", options.userId())
			.add("minutesToExpire", Math.max(1, options.lifetime().toMinutes()))
			.add("role", options.roles())
			.add("group", RequestArguments.groups("groups", options.groups()))
			.add("clientType", options.protocol().clientType());
		ServiceRequest request = new ServiceRequest(operation, HttpMethod.POST, url(hubPath("/:generateToken"), query),
				null, null, false, true);
		return observe(operation, execute(request).handle((response, sink) -> {
			JsonNode json = this.shared.executor.readJson(response.body());
			JsonNode token = (json != null) ? json.get("token") : null;
			if (token != null && token.isString() && !token.asString().isEmpty()) {
				sink.next(token.asString());
			}
			else {
				sink.error(new WebPubSubException(operation,
						"Web PubSub operation '" + operation + "' did not answer with {\"token\":\"...\"}", null));
			}
		}));
	}

	@Override
	public Mono<Void> checkHealth() {
		ServiceRequest request = new ServiceRequest("checkHealth", HttpMethod.HEAD,
				URI.create(endpoint() + "/api/health?api-version=" + API_VERSION), null, null, false, false);
		return observe("checkHealth", execute(request).then());
	}

	@Override
	public Mono<Void> send(WebPubSubAction action) {
		RequestArguments.notNull("action", action);
		if (action instanceof SendToAllAction send) {
			return sendToAll(send.message(), SendOptions.none().withExcluded(send.excluded()));
		}
		if (action instanceof SendToGroupAction send) {
			return sendToGroup(send.group(), send.message(), SendOptions.none().withExcluded(send.excluded()));
		}
		if (action instanceof SendToUserAction send) {
			return sendToUser(send.userId(), send.message());
		}
		if (action instanceof SendToConnectionAction send) {
			return sendToConnection(send.connectionId(), send.message());
		}
		if (action instanceof AddUserToGroupAction add) {
			return addUserToGroup(add.group(), add.userId());
		}
		if (action instanceof RemoveUserFromGroupAction remove) {
			return removeUserFromGroup(remove.group(), remove.userId());
		}
		if (action instanceof RemoveUserFromAllGroupsAction remove) {
			return removeUserFromAllGroups(remove.userId());
		}
		if (action instanceof AddConnectionToGroupAction add) {
			return addConnectionToGroup(add.group(), add.connectionId());
		}
		if (action instanceof RemoveConnectionFromGroupAction remove) {
			return removeConnectionFromGroup(remove.group(), remove.connectionId());
		}
		if (action instanceof CloseAllConnectionsAction close) {
			return closeAllConnections(close.excluded(), close.reason());
		}
		if (action instanceof CloseClientConnectionAction close) {
			return closeConnection(close.connectionId(), close.reason());
		}
		if (action instanceof CloseGroupConnectionsAction close) {
			return closeGroupConnections(close.group(), close.excluded(), close.reason());
		}
		if (action instanceof GrantPermissionAction grant) {
			return grantPermission(grant.permission(), grant.connectionId(), grant.targetName());
		}
		RevokePermissionAction revoke = (RevokePermissionAction) action;
		return revokePermission(revoke.permission(), revoke.connectionId(), revoke.targetName());
	}

	@Override
	public Mono<Void> send(List<? extends WebPubSubAction> actions) {
		RequestArguments.notNull("actions", actions);
		List<Mono<Void>> calls = new ArrayList<>(actions.size());
		for (WebPubSubAction action : actions) {
			calls.add(send(action));
		}
		return Flux.concat(calls).then();
	}

	private Mono<Void> call(String operation, HttpMethod method, String path) {
		return call(operation, method, path, new Query());
	}

	private Mono<Void> call(String operation, HttpMethod method, String path, Query query) {
		return call(new ServiceRequest(operation, method, url(path, query), null, null, false, true));
	}

	private Mono<Void> call(ServiceRequest request) {
		return observe(request.operation(), execute(request).then());
	}

	private Mono<ServiceResponse> execute(ServiceRequest request) {
		return this.shared.executor.execute(request, this.shared.authenticator(this.connection));
	}

	private <T> Mono<T> observe(String operation, Mono<T> mono) {
		return this.shared.executor.observe(operation, this.hub, mono);
	}

	private String hubPath(String... segments) {
		if (this.hub == null) {
			throw new IllegalStateException("No Web PubSub hub is set: set 'WebPubSubHub' to the default hub, or "
					+ "choose one with hub(\"name\")");
		}
		StringBuilder path = new StringBuilder("/api/hubs/").append(UriUtils.encodePathSegment(this.hub,
				StandardCharsets.UTF_8));
		for (String segment : segments) {
			path.append(segment);
		}
		return path.toString();
	}

	private static String id(String name, String value) {
		return UriUtils.encodePathSegment(RequestArguments.notBlank(name, value), StandardCharsets.UTF_8);
	}

	private static String group(String name, String value) {
		return UriUtils.encodePathSegment(RequestArguments.group(name, value), StandardCharsets.UTF_8);
	}

	private URI url(String path, Query query) {
		return this.shared.uri(endpoint() + path + "?api-version=" + API_VERSION + query);
	}

	private String endpoint() {
		String endpoint = this.connection.endpoint().toString();
		return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
	}

	@Override
	public String toString() {
		return "ReactiveWebPubSubTemplate[connection=" + this.connection.name() + ", hub=" + this.hub + "]";
	}

	/**
	 * Query parameters after {@code api-version}, in order, repeated for lists, each value percent-encoded like
	 * the official Java SDK encodes it: everything but unreserved characters, {@code /} and {@code ?}.
	 */
	private static final class Query {

		private final StringBuilder query = new StringBuilder();

		Query add(String name, @Nullable Object value) {
			if (value != null) {
				this.query.append('&').append(name).append('=').append(encode(value.toString()));
			}
			return this;
		}

		Query add(String name, List<String> values) {
			values.forEach((value) -> add(name, value));
			return this;
		}

		private static String encode(String value) {
			StringBuilder encoded = new StringBuilder(value.length());
			for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
				char c = (char) (b & 0xFF);
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
						|| c == '_' || c == '~' || c == '/' || c == '?') {
					encoded.append(c);
				}
				else {
					encoded.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
						.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
				}
			}
			return encoded.toString();
		}

		@Override
		public String toString() {
			return this.query.toString();
		}

	}

	/**
	 * One page of {@code listConnectionsInGroup}.
	 */
	private record Page(List<WebPubSubGroupMember> members, @Nullable String nextLink) {

		static Page of(@Nullable JsonNode json) {
			List<WebPubSubGroupMember> members = new ArrayList<>();
			if (json == null) {
				return new Page(members, null);
			}
			for (JsonNode member : json.path("value")) {
				JsonNode userId = member.get("userId");
				members.add(new WebPubSubGroupMember(member.path("connectionId").asString(),
						(userId != null && userId.isString()) ? userId.asString() : null));
			}
			JsonNode nextLink = json.get("nextLink");
			return new Page(members, (nextLink != null && nextLink.isString() && !nextLink.asString().isEmpty())
					? nextLink.asString() : null);
		}

	}

	/**
	 * What all scoped copies of a template share.
	 */
	private static final class Shared {

		private static final int MAX_CACHED_URIS = 1024;

		private final ServiceRequestExecutor executor;

		private final @Nullable WebPubSubConnections connections;

		private final Clock clock;

		private final Map<WebPubSubConnection, RequestAuthenticator> authenticators = new ConcurrentHashMap<>();

		// Parsing a URL costs more than building its text, and an application sends to the same few URLs over and
		// over; bounded, as the URLs carry caller-supplied names.
		private final ConcurrentLruCache<String, URI> uris = new ConcurrentLruCache<>(MAX_CACHED_URIS, URI::create);

		Shared(ServiceRequestExecutor executor, @Nullable WebPubSubConnections connections, Clock clock) {
			this.executor = executor;
			this.connections = connections;
			this.clock = clock;
		}

		URI uri(String url) {
			return this.uris.get(url);
		}

		RequestAuthenticator authenticator(WebPubSubConnection connection) {
			return this.authenticators.computeIfAbsent(connection, this::createAuthenticator);
		}

		private RequestAuthenticator createAuthenticator(WebPubSubConnection connection) {
			String accessKey = connection.accessKey();
			if (accessKey != null) {
				return new AccessKeyAuthenticator(accessKey, this.clock);
			}
			EntraTokenProvider entraTokens = connection.entraTokens();
			return (url) -> entraTokens.getToken();
		}

	}

	/**
	 * Builder of a {@link ReactiveWebPubSubTemplate}.
	 */
	public static final class Builder {

		private final WebPubSubConnection connection;

		private @Nullable Supplier<WebClient.Builder> webClientBuilder;

		private @Nullable JsonMapper jsonMapper;

		private @Nullable String hub;

		private @Nullable WebPubSubConnections connections;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private int maxAttempts = RetrySettings.DEFAULTS.maxAttempts();

		private Duration initialBackoff = RetrySettings.DEFAULTS.initialBackoff();

		private Duration maxBackoff = RetrySettings.DEFAULTS.maxBackoff();

		private Duration timeout = RetrySettings.DEFAULTS.timeout();

		private Clock clock = Clock.systemUTC();

		private Builder(WebPubSubConnection connection) {
			this.connection = RequestArguments.notNull("connection", connection);
		}

		/**
		 * Sets the builder of the {@link WebClient} (cloned; Spring Boot's auto-configured builder applies its
		 * connector, codecs and observations). Defaults to {@link WebClient#builder()}.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			RequestArguments.notNull("webClientBuilder", webClientBuilder);
			this.webClientBuilder = () -> webClientBuilder;
			return this;
		}

		/**
		 * Sets where the builder of the {@link WebClient} comes from. It is asked on the first request, so that
		 * an application that never calls the service does not create an HTTP client (and its connection
		 * resources) at start-up.
		 * @param webClientBuilder supplies the builder (cloned)
		 * @return this builder
		 */
		public Builder webClientBuilder(Supplier<WebClient.Builder> webClientBuilder) {
			this.webClientBuilder = RequestArguments.notNull("webClientBuilder", webClientBuilder);
			return this;
		}

		/**
		 * Sets the mapper of {@linkplain WebPubSubMessage#json(Object) JSON messages} and request bodies.
		 * Defaults to a mapper with Jackson's defaults.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * Sets the default hub.
		 * @param hub the hub, or {@code null} to require {@link ReactiveWebPubSubTemplate#hub(String)}
		 * @return this builder
		 */
		public Builder hub(@Nullable String hub) {
			this.hub = (hub != null) ? HubName.requireValid(hub, "hub") : null;
			return this;
		}

		/**
		 * Sets the registry that {@link ReactiveWebPubSubTemplate#connection(String)} resolves names with.
		 * @param connections the connections
		 * @return this builder
		 */
		public Builder connections(WebPubSubConnections connections) {
			this.connections = connections;
			return this;
		}

		/**
		 * Sets the registry of the observation around every operation ({@code webpubsub.client.operation}, with the
		 * low-cardinality keys {@code operation}, {@code hub} and {@code outcome}). Defaults to none.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Sets how many attempts an operation gets, the first one included. Defaults to 4 (up to 3 retries).
		 * @param maxAttempts the attempts, at least 1
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Sets the delay before the first retry, doubled for each further retry. Defaults to 800 ms.
		 * @param initialBackoff the delay
		 * @return this builder
		 */
		public Builder initialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
			return this;
		}

		/**
		 * Sets the upper bound of a computed retry delay. Defaults to 8 s.
		 * @param maxBackoff the bound
		 * @return this builder
		 */
		public Builder maxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * Sets the time limit of one attempt. Defaults to 30 s. Attempts share timers, so an attempt may run up to
		 * a sixteenth of the limit (at most 100 ms) longer.
		 * @param timeout the limit
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Builds the template.
		 * @return the template
		 */
		public ReactiveWebPubSubTemplate build() {
			RetrySettings retrySettings = new RetrySettings(this.maxAttempts, this.initialBackoff, this.maxBackoff,
					this.timeout);
			ServiceRequestExecutor executor = new ServiceRequestExecutor(
					(this.webClientBuilder != null) ? this.webClientBuilder : WebClient::builder,
					(this.jsonMapper != null) ? this.jsonMapper : JsonMapper.builder().build(), retrySettings,
					this.observationRegistry);
			return new ReactiveWebPubSubTemplate(new Shared(executor, this.connections, this.clock), this.connection,
					this.hub);
		}

	}

}
