package dev.webpubsub.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of the emulated service and the life cycle of its connections: hubs, registration after a successful
 * handshake, closing, reliable reconnection windows, and the non-blocking {@code connected} and
 * {@code disconnected} events.
 */
final class EmulatedService {

	private static final Log logger = LogFactory.getLog(EmulatedService.class);

	/** Hub names the service accepts. */
	/** What makes a hub name valid, as both endpoints answer an invalid one. */
	static final String HUB_NAME_RULE = "a hub name starts with a letter and has at most 128 letters, digits and "
			+ "_`,.[] characters";

	static final Pattern HUB_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}");

	private static final String SYSTEM_CONTENT_TYPE = "application/json; charset=utf-8";

	private final Map<String, Hub> hubs = new ConcurrentHashMap<>();

	private final Map<EventLoop, OutboundFrames.Batch> batches = new ConcurrentHashMap<>();

	private final AccessTokens tokens;

	private final Upstream upstream;

	private final JsonMapper jsonMapper;

	private final Duration reconnectionWindow;

	private volatile String authority = "localhost";

	EmulatedService(AccessTokens tokens, Upstream upstream, JsonMapper jsonMapper, Duration reconnectionWindow) {
		this.tokens = tokens;
		this.upstream = upstream;
		this.jsonMapper = jsonMapper;
		this.reconnectionWindow = reconnectionWindow;
	}

	/**
	 * Returns the host and port of the emulator's endpoint.
	 * @return the authority, e.g. {@code 127.0.0.1:8080}
	 */
	String authority() {
		return this.authority;
	}

	void authority(String authority) {
		this.authority = authority;
	}

	AccessTokens tokens() {
		return this.tokens;
	}

	Upstream upstream() {
		return this.upstream;
	}

	JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Hosts a token audience may name: the one the caller used (its {@code Host} header) and the emulator's own.
	 * @param request the request
	 * @return the hosts
	 */
	List<String> audienceHosts(HttpServerRequest request) {
		String host = request.requestHeaders().get(HttpHeaderNames.HOST);
		return (host != null) ? List.of(host, this.authority) : List.of(this.authority);
	}

	static boolean isValidHubName(@Nullable String hub) {
		return hub != null && HUB_NAME.matcher(hub).matches();
	}

	/**
	 * Returns a hub, creating it on first use; hub names are case-insensitive.
	 * @param name the hub name
	 * @return the hub
	 */
	Hub hub(String name) {
		return this.hubs.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> new Hub());
	}

	Collection<Hub> hubs() {
		return this.hubs.values();
	}

	/**
	 * Registers a connection whose WebSocket is open: the {@code connected} system message goes out first, then
	 * the connection joins its hub and groups, then the {@code connected} event is delivered.
	 * @param connection the connection
	 * @param groups the groups to join
	 */
	void register(ClientConnection connection, Collection<String> groups) {
		if (connection.protocol().isJson()) {
			ObjectNode connected = this.jsonMapper.createObjectNode()
				.put("type", "system")
				.put("event", "connected")
				.put("userId", connection.userId())
				.put("connectionId", connection.id());
			if (connection.protocol() == ClientProtocol.JSON_RELIABLE) {
				connected.put("reconnectionToken", connection.reconnectionToken());
			}
			connection.sendControl(this.jsonMapper.writeValueAsString(connected));
		}
		hub(connection.hub()).add(connection, groups);
		notify(connection, "connected", "{}");
	}

	/**
	 * Closes a connection for good and delivers the {@code disconnected} event.
	 * @param connection the connection
	 * @param code the WebSocket close code
	 * @param reason the reason, or {@code null}
	 * @return whether the connection was open
	 */
	boolean close(ClientConnection connection, int code, @Nullable String reason) {
		ObjectNode disconnected = this.jsonMapper.createObjectNode()
			.put("type", "system")
			.put("event", "disconnected")
			.put("message", (reason != null) ? reason : "");
		if (!connection.close(code, reason, this.jsonMapper.writeValueAsString(disconnected))) {
			return false;
		}
		hub(connection.hub()).remove(connection);
		ObjectNode body = this.jsonMapper.createObjectNode();
		if (reason != null) {
			body.put("reason", reason);
		}
		notify(connection, "disconnected", this.jsonMapper.writeValueAsString(body));
		return true;
	}

	/**
	 * Creates the outbound frames of a new WebSocket; WebSockets of one event loop share their writing task.
	 * @param channel the WebSocket's channel
	 * @return the outbound frames
	 */
	OutboundFrames outboundFrames(Channel channel) {
		OutboundFrames.Batch batch = this.batches.computeIfAbsent(channel.eventLoop(), OutboundFrames.Batch::new);
		return new OutboundFrames(channel, batch);
	}

	/**
	 * Handles the end of a WebSocket: a reliable connection waits for a reconnection, any other connection ends.
	 * @param connection the connection
	 * @param socket the outbound frames of the WebSocket that ended
	 */
	void socketEnded(ClientConnection connection, OutboundFrames socket) {
		boolean lost = connection.detach(socket, () -> Schedulers.parallel()
			.schedule(() -> close(connection, ClientConnection.CLOSE_UNRECOVERABLE, null),
					this.reconnectionWindow.toMillis(), TimeUnit.MILLISECONDS));
		if (lost && connection.protocol() != ClientProtocol.JSON_RELIABLE) {
			close(connection, 1000, null);
		}
	}

	/**
	 * Sends a message to the members of a group.
	 * @param hub the hub
	 * @param group the group
	 * @param message the message
	 * @param recipients which members receive it
	 */
	void sendToGroup(Hub hub, String group, OutboundMessage message, Predicate<ClientConnection> recipients) {
		for (ClientConnection connection : hub.groupConnections(group)) {
			if (recipients.test(connection)) {
				connection.send(message);
			}
		}
	}

	/**
	 * Closes every connection, without events, when the emulator stops.
	 */
	void closeAll() {
		for (Hub hub : this.hubs.values()) {
			for (ClientConnection connection : hub.connections()) {
				connection.close(1001, "Service is stopping", null);
			}
		}
		this.hubs.clear();
	}

	private void notify(ClientConnection connection, String eventName, String body) {
		EventHandlerSettings handler = this.upstream.handler(connection.hub(), eventName, true);
		if (handler == null) {
			return;
		}
		this.upstream
			.send(handler, connection, eventName, true, SYSTEM_CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8))
			.subscribe((response) -> {
				if (!response.isSuccess()) {
					logger.warn("Event handler answered " + response.status() + " to the '" + eventName
							+ "' event of connection " + connection.id());
				}
			}, (ex) -> {
				// Already logged by Upstream; non-blocking events have no one else to tell.
			});
	}

}
