package dev.webpubsub.emulator;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local emulator of Azure Web PubSub: client WebSocket endpoints, the data-plane REST API and upstream event
 * delivery, on one Reactor Netty server.
 * <p>
 * Typical use in tests or an embedding application: <pre class="code">
 * WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).build();
 * emulator.start();
 * emulator.setEventHandlers("chat", List.of(EventHandlerSettings.allEvents("http://localhost:8080/eventhandler")));
 * String connectionString = emulator.connectionString();
 * ...
 * emulator.stop();
 * </pre>
 * Event handlers may be set or replaced at any time; they apply to the next event.
 */
public final class WebPubSubEmulator {

	/** Access key of Microsoft's emulator, used when none is configured. */
	public static final String DEFAULT_ACCESS_KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	private static final int MAX_REQUEST_LINE = 64 * 1024;

	private static final Log logger = LogFactory.getLog(WebPubSubEmulator.class);

	private final String host;

	private final int configuredPort;

	private final String accessKey;

	private final Duration keepAliveInterval;

	private final Upstream upstream;

	private final EmulatedService service;

	private final ClientEndpoint clientEndpoint;

	private final RestApi restApi;

	private volatile @Nullable DisposableServer server;

	private boolean stopped;

	private WebPubSubEmulator(Builder builder) {
		this.host = builder.host;
		this.configuredPort = builder.port;
		this.accessKey = builder.accessKey;
		this.keepAliveInterval = builder.keepAliveInterval;
		JsonMapper jsonMapper = JsonMapper.builder().build();
		AccessTokens tokens = new AccessTokens(this.accessKey, jsonMapper, Clock.systemUTC());
		this.upstream = new Upstream(tokens, this::endpointHost, builder.upstreamRetryDelays);
		this.upstream.setDefaultHandlers(builder.defaultHandlers);
		builder.hubHandlers.forEach(this.upstream::setHandlers);
		this.service = new EmulatedService(tokens, this.upstream, jsonMapper, builder.reconnectionWindow);
		this.clientEndpoint = new ClientEndpoint(this.service, this.keepAliveInterval);
		this.restApi = new RestApi(this.service, builder.allowUnvalidatedEntraTokens);
	}

	/**
	 * Creates a builder with the defaults: host {@code 127.0.0.1}, port 8080, the default access key, no event
	 * handlers.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts the server; returns once it listens.
	 * @return this emulator
	 * @throws IllegalStateException if it is already started or was stopped (build a new one instead)
	 */
	public synchronized WebPubSubEmulator start() {
		if (this.server != null || this.stopped) {
			throw new IllegalStateException(
					this.stopped ? "A stopped emulator cannot be started again; build a new one"
							: "The emulator is already started");
		}
		DisposableServer started = HttpServer.create()
			.host(this.host)
			.port(this.configuredPort)
			// Client URLs carry the access token in the query; tokens with many roles and groups get long.
			.httpRequestDecoder((spec) -> spec.maxInitialLineLength(MAX_REQUEST_LINE).maxHeaderSize(MAX_REQUEST_LINE))
			.handle(this::handle)
			.bindNow();
		this.server = started;
		this.service.authority(endpointHost() + ":" + ((InetSocketAddress) started.address()).getPort());
		logger.debug("Web PubSub emulator listening on " + endpoint());
		return this;
	}

	/**
	 * Closes every client connection and stops the server. Does nothing if it is not started.
	 */
	public synchronized void stop() {
		DisposableServer running = this.server;
		if (running == null) {
			return;
		}
		this.server = null;
		this.stopped = true;
		this.service.closeAll();
		running.disposeNow(Duration.ofSeconds(5));
		this.upstream.dispose();
	}

	/**
	 * Tells whether the server is running.
	 * @return whether it is started
	 */
	public boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 * @throws IllegalStateException if it is not started
	 */
	public int port() {
		DisposableServer running = this.server;
		if (running == null) {
			throw new IllegalStateException("The emulator is not started");
		}
		return ((InetSocketAddress) running.address()).getPort();
	}

	/**
	 * Returns the endpoint, e.g. {@code http://127.0.0.1:8080}.
	 * @return the endpoint
	 * @throws IllegalStateException if it is not started
	 */
	public String endpoint() {
		return "http://" + endpointHost() + ":" + port();
	}

	/**
	 * Returns the connection string clients of the service use:
	 * {@code Endpoint=http://127.0.0.1:<port>;AccessKey=...;Version=1.0;}.
	 * @return the connection string
	 * @throws IllegalStateException if it is not started
	 */
	public String connectionString() {
		return "Endpoint=" + endpoint() + ";AccessKey=" + this.accessKey + ";Version=1.0;";
	}

	/**
	 * Returns the access key that tokens must be signed with.
	 * @return the access key
	 */
	public String accessKey() {
		return this.accessKey;
	}

	/**
	 * Sets or replaces the event handlers of a hub. An empty list makes the hub use the default handlers.
	 * @param hub the hub name (case-insensitive)
	 * @param handlers the ordered handlers
	 */
	public void setEventHandlers(String hub, List<EventHandlerSettings> handlers) {
		if (!EmulatedService.isValidHubName(hub)) {
			throw new IllegalArgumentException("'hub' is not a valid hub name: " + hub);
		}
		this.upstream.setHandlers(hub, handlers);
	}

	/**
	 * Sets or replaces the event handlers of every hub that has none of its own.
	 * @param handlers the ordered handlers
	 */
	public void setDefaultEventHandlers(List<EventHandlerSettings> handlers) {
		this.upstream.setDefaultHandlers(handlers);
	}

	/**
	 * Returns the event handlers that apply to a hub.
	 * @param hub the hub name
	 * @return the handlers, the default ones if the hub has none
	 */
	public List<EventHandlerSettings> getEventHandlers(String hub) {
		return this.upstream.handlers(hub);
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		UriParts uri;
		try {
			uri = UriParts.parse(request.uri());
		}
		catch (IllegalArgumentException ex) {
			return plain(response, 400, "Malformed request URI");
		}
		List<String> segments = uri.segments();
		if (!segments.isEmpty() && segments.get(0).equals("client")) {
			return this.clientEndpoint.handle(request, response, uri);
		}
		if (!segments.isEmpty() && segments.get(0).equals("api")) {
			return this.restApi.handle(request, response, uri);
		}
		return plain(response, 404, "Not found: this is a Web PubSub emulator (/client/hubs/{hub}, /api/...)");
	}

	private static Mono<Void> plain(HttpServerResponse response, int status, String text) {
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
			.sendByteArray(Mono.just(text.getBytes(StandardCharsets.UTF_8)))
			.then();
	}

	/**
	 * The host clients use: the bind host, or {@code localhost} when binding every interface. It is also the
	 * {@code WebHook-Request-Origin} of upstream requests, as the service sends its own host.
	 */
	private String endpointHost() {
		if (this.host.equals("0.0.0.0") || this.host.equals("::")) {
			return "localhost";
		}
		return (this.host.contains(":") && !this.host.startsWith("[")) ? "[" + this.host + "]" : this.host;
	}

	/**
	 * Builds a {@link WebPubSubEmulator}.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port = 8080;

		private String accessKey = DEFAULT_ACCESS_KEY;

		private Duration keepAliveInterval = Duration.ofSeconds(20);

		private Duration reconnectionWindow = Duration.ofSeconds(30);

		private boolean allowUnvalidatedEntraTokens;

		private List<EventHandlerSettings> defaultHandlers = List.of();

		private final Map<String, List<EventHandlerSettings>> hubHandlers = new LinkedHashMap<>();

		private List<Duration> upstreamRetryDelays = Upstream.RETRY_DELAYS;

		private Builder() {
		}

		/**
		 * Sets the host or address to bind.
		 * @param host the host, {@code 127.0.0.1} by default
		 * @return this builder
		 */
		public Builder host(String host) {
			if (host == null || host.isBlank()) {
				throw new IllegalArgumentException("'host' must not be empty");
			}
			this.host = host;
			return this;
		}

		/**
		 * Sets the port.
		 * @param port the port, 0 for a free one, 8080 by default
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("'port' must be from 0 to 65535, not " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Sets the access key that tokens are signed with.
		 * @param accessKey the key, {@value WebPubSubEmulator#DEFAULT_ACCESS_KEY} by default
		 * @return this builder
		 */
		public Builder accessKey(String accessKey) {
			if (accessKey == null || accessKey.isEmpty() || accessKey.contains(";")) {
				throw new IllegalArgumentException("'accessKey' must not be empty or contain ';'");
			}
			this.accessKey = accessKey;
			return this;
		}

		/**
		 * Sets the event handlers of a hub.
		 * @param hub the hub name
		 * @param handlers the ordered handlers
		 * @return this builder
		 */
		public Builder hub(String hub, List<EventHandlerSettings> handlers) {
			if (!EmulatedService.isValidHubName(hub)) {
				throw new IllegalArgumentException("'hub' is not a valid hub name: " + hub);
			}
			this.hubHandlers.put(hub, List.copyOf(handlers));
			return this;
		}

		/**
		 * Sets the event handlers of a hub.
		 * @param hub the hub name
		 * @param handlers the ordered handlers
		 * @return this builder
		 */
		public Builder hub(String hub, EventHandlerSettings... handlers) {
			return hub(hub, List.of(handlers));
		}

		/**
		 * Sets the event handlers of every hub that has none of its own.
		 * @param handlers the ordered handlers
		 * @return this builder
		 */
		public Builder defaultEventHandlers(List<EventHandlerSettings> handlers) {
			this.defaultHandlers = List.copyOf(handlers);
			return this;
		}

		/**
		 * Sets how often WebSocket pings are sent to clients.
		 * @param interval the interval, 20 seconds by default as in the service
		 * @return this builder
		 */
		public Builder keepAliveInterval(Duration interval) {
			if (interval == null || interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("'keepAliveInterval' must be positive");
			}
			this.keepAliveInterval = interval;
			return this;
		}

		/**
		 * Sets how long a dropped reliable connection can be recovered.
		 * @param window the window, 30 seconds by default as in the service
		 * @return this builder
		 */
		public Builder reconnectionWindow(Duration window) {
			if (window == null || window.isNegative()) {
				throw new IllegalArgumentException("'reconnectionWindow' must not be negative");
			}
			this.reconnectionWindow = window;
			return this;
		}

		/**
		 * Sets whether the REST API accepts Entra ID style bearer tokens (audience
		 * {@code https://webpubsub.azure.com}) without validating their signature, so that identity-based
		 * connections can be tested without Entra ID.
		 * @param allow whether to accept them, {@code false} by default
		 * @return this builder
		 */
		public Builder allowUnvalidatedEntraTokens(boolean allow) {
			this.allowUnvalidatedEntraTokens = allow;
			return this;
		}

		/**
		 * Sets the delays between attempts to deliver an event; tests shorten them.
		 * @param delays the delays, one per retry
		 * @return this builder
		 */
		Builder upstreamRetryDelays(List<Duration> delays) {
			this.upstreamRetryDelays = List.copyOf(delays);
			return this;
		}

		/**
		 * Builds the emulator; it does not start it.
		 * @return the emulator
		 */
		public WebPubSubEmulator build() {
			return new WebPubSubEmulator(this);
		}

	}

}
