package dev.webpubsub.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client endpoint {@code /client/hubs/{hub}} (and {@code /client/?hub=}): validates the client access token,
 * runs the blocking {@code connect} event, upgrades to a WebSocket and then speaks the simple WebSocket,
 * {@code json.webpubsub.azure.v1} or {@code json.reliable.webpubsub.azure.v1} protocol.
 */
final class ClientEndpoint {

	private static final Log logger = LogFactory.getLog(ClientEndpoint.class);

	/** Largest frame (and aggregated message) the service accepts. */
	static final int MAX_FRAME_SIZE = 1024 * 1024;

	private static final int MAX_GROUP_LENGTH = 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final EmulatedService service;

	private final Duration keepAliveInterval;

	ClientEndpoint(EmulatedService service, Duration keepAliveInterval) {
		this.service = service;
		this.keepAliveInterval = keepAliveInterval;
	}

	/**
	 * Handles a request to the client endpoint.
	 * @param request the request
	 * @param response the response
	 * @param uri the parsed URI ({@code client/hubs/{hub}} or {@code client} with a {@code hub} parameter)
	 * @return completion
	 */
	Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, UriParts uri) {
		List<String> segments = uri.segments();
		String hub;
		if (segments.size() == 3 && segments.get(1).equals("hubs")) {
			hub = segments.get(2);
		}
		else if (segments.size() == 1) {
			hub = uri.first("hub");
		}
		else {
			return reject(response, HttpResponseStatus.NOT_FOUND, "Not found");
		}
		if (!EmulatedService.isValidHubName(hub)) {
			return reject(response, HttpResponseStatus.BAD_REQUEST,
					"Invalid hub name: " + EmulatedService.HUB_NAME_RULE);
		}
		String connectionId = uri.first("awps_connection_id");
		if (connectionId != null) {
			return reconnect(request, response, uri, hub, connectionId);
		}
		String token = accessToken(request, uri);
		if (token == null) {
			return reject(response, HttpResponseStatus.UNAUTHORIZED,
					"Missing access token: pass access_token in the query or an Authorization: Bearer header");
		}
		ObjectNode claims;
		try {
			claims = this.service.tokens().validate(token, audiences(request, hub));
		}
		catch (AccessTokens.InvalidTokenException ex) {
			return reject(response, HttpResponseStatus.UNAUTHORIZED, ex.getMessage());
		}
		ClientConnection.SimpleClientMode mode;
		try {
			mode = simpleClientMode(uri);
		}
		catch (IllegalArgumentException ex) {
			return reject(response, HttpResponseStatus.BAD_REQUEST, ex.getMessage());
		}
		if (!isWebSocketUpgrade(request)) {
			return reject(response, HttpResponseStatus.BAD_REQUEST, "Expected a WebSocket upgrade request");
		}
		List<String> requested = requestedSubprotocols(request);
		Set<String> groups = new LinkedHashSet<>(strings(claims.get("webpubsub.group")));
		JsonNode sub = claims.get("sub");
		ClientConnection connection = new ClientConnection(newConnectionId(), hub,
				(sub != null && sub.isString()) ? sub.stringValue() : null, new Permissions(strings(claims.get("role"))),
				newReconnectionToken(), mode);
		EventHandlerSettings handler = this.service.upstream().handler(hub, "connect", true);
		if (handler == null) {
			connection.select(defaultSubprotocol(requested));
			return accept(response, connection, groups, false);
		}
		byte[] body = this.service.jsonMapper().writeValueAsBytes(connectBody(request, uri, claims, requested));
		return this.service.upstream()
			.send(handler, connection, "connect", true, "application/json; charset=utf-8", body)
			.flatMap((upstreamResponse) -> {
				if (!upstreamResponse.isSuccess()) {
					// 4xx and 5xx reach the client as they are; anything else (such as a redirect) is a failure.
					int status = upstreamResponse.status();
					return reject(response,
							HttpResponseStatus.valueOf((status >= 400 && status < 600) ? status : 500),
							new String(upstreamResponse.body(), StandardCharsets.UTF_8));
				}
				String problem = applyConnectResponse(connection, upstreamResponse, requested, groups);
				if (problem != null) {
					return reject(response, HttpResponseStatus.INTERNAL_SERVER_ERROR, problem);
				}
				return accept(response, connection, groups, false);
			})
			.onErrorResume(Upstream.UpstreamException.class, (ex) -> reject(response,
					HttpResponseStatus.INTERNAL_SERVER_ERROR, "The connect event handler could not be reached"));
	}

	private Mono<Void> reconnect(HttpServerRequest request, HttpServerResponse response, UriParts uri, String hub,
			String connectionId) {
		if (!isWebSocketUpgrade(request)) {
			return reject(response, HttpResponseStatus.BAD_REQUEST, "Expected a WebSocket upgrade request");
		}
		ClientConnection connection = this.service.hub(hub).connection(connectionId);
		String token = uri.first("awps_reconnection_token");
		boolean recoverable = connection != null && !connection.isClosed()
				&& connection.protocol() == ClientProtocol.JSON_RELIABLE && token != null
				&& MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
						connection.reconnectionToken().getBytes(StandardCharsets.UTF_8));
		if (!recoverable) {
			// Reliable clients learn that recovery is impossible from close code 1008 on an opened socket.
			String offered = requestedSubprotocols(request).contains(ClientProtocol.JSON_RELIABLE.subprotocol())
					? ClientProtocol.JSON_RELIABLE.subprotocol() : null;
			return response.sendWebsocket((in, out) -> out.sendClose(ClientConnection.CLOSE_UNRECOVERABLE,
					"The connection cannot be recovered"), spec(offered));
		}
		return accept(response, connection, Set.of(), true);
	}

	private Mono<Void> accept(HttpServerResponse response, ClientConnection connection, Set<String> groups,
			boolean reconnect) {
		return response.sendWebsocket((in, out) -> session(in, out, connection, groups, reconnect),
				spec(connection.subprotocol()));
	}

	private static WebsocketServerSpec spec(@Nullable String subprotocol) {
		// Frames a little over the limit are decoded so that MessageAssembler closes the connection the way the
		// service does (disconnected message, no recovery); Netty cuts off anything larger by itself.
		WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder().maxFramePayloadLength(2 * MAX_FRAME_SIZE);
		if (subprotocol != null) {
			spec.protocols(subprotocol);
		}
		return spec.build();
	}

	private Mono<Void> session(WebsocketInbound in, WebsocketOutbound out, ClientConnection connection,
			Set<String> groups, boolean reconnect) {
		OutboundFrames socket = this.service.outboundFrames(channel(in));
		connection.attach(socket);
		if (!reconnect) {
			this.service.register(connection, groups);
		}
		Disposable pings = Flux.interval(this.keepAliveInterval).subscribe((tick) -> connection.ping());
		MessageAssembler assembler = new MessageAssembler();
		in.receiveFrames()
			.<InboundFrame>handle((frame, sink) -> {
				// Copied here, synchronously, because Reactor Netty releases each frame after this call.
				InboundFrame message = assembler.add(frame);
				if (message == MessageAssembler.TOO_LARGE) {
					this.service.close(connection, 1009, "Messages are limited to 1 MiB");
				}
				else if (message != null) {
					sink.next(message);
				}
			})
			.concatMap((frame) -> onFrame(connection, frame).onErrorResume((ex) -> {
				logger.warn("Failed to handle a message of connection " + connection.id(), ex);
				this.service.close(connection, 1011, "Internal server error");
				return Mono.empty();
			}))
			.doFinally((signal) -> {
				pings.dispose();
				this.service.socketEnded(connection, socket);
				socket.complete();
			})
			.subscribe(null, (ex) -> logger.debug("WebSocket of connection " + connection.id() + " failed", ex));
		return socket.done()
			.then(Mono.defer(() -> out.sendClose(connection.closeCode(), connection.closeReason())))
			.onErrorResume((ex) -> Mono.empty());
	}

	private static Channel channel(WebsocketInbound in) {
		Channel[] channel = new Channel[1];
		in.withConnection((connection) -> channel[0] = connection.channel());
		return channel[0];
	}

	private Mono<Void> onFrame(ClientConnection connection, InboundFrame frame) {
		if (connection.isClosed()) {
			return Mono.empty();
		}
		if (connection.protocol().isJson()) {
			if (!frame.text()) {
				this.service.close(connection, 1003, "Binary frames are not supported by " + connection.subprotocol());
				return Mono.empty();
			}
			return new JsonMessageHandler(this.service, connection).handle(frame.data());
		}
		Payload payload = new Payload(frame.text() ? Payload.DataType.TEXT : Payload.DataType.BINARY, frame.data());
		String group = connection.simpleMode().group();
		if (group != null) {
			if (connection.permissions().allows(Permissions.SEND_TO_GROUP, group)) {
				boolean noEcho = connection.simpleMode().noEcho();
				this.service.sendToGroup(this.service.hub(connection.hub()), group,
						OutboundMessage.fromGroup(group, connection.userId(), payload, this.service.jsonMapper()),
						(member) -> !noEcho || member != connection);
			}
			else {
				logger.debug("Connection " + connection.id() + " may not send to group '" + group + "'");
			}
			return Mono.empty();
		}
		return new JsonMessageHandler(this.service, connection).userEvent("message", payload, null);
	}

	private static Mono<Void> reject(HttpServerResponse response, HttpResponseStatus status, String reason) {
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
			.sendString(Mono.just(reason))
			.then();
	}

	private static @Nullable String accessToken(HttpServerRequest request, UriParts uri) {
		String token = uri.first("access_token");
		if (token != null && !token.isEmpty()) {
			return token;
		}
		return bearer(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
	}

	static @Nullable String bearer(@Nullable String authorization) {
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = authorization.substring(7).trim();
			return token.isEmpty() ? null : token;
		}
		return null;
	}

	/**
	 * Audiences a client token may carry: the client URL in its http(s) form (what the SDKs write) or its ws(s)
	 * form, for the host the client used and for the emulator's own endpoint.
	 */
	private List<String> audiences(HttpServerRequest request, String hub) {
		List<String> audiences = new ArrayList<>();
		for (String candidate : this.service.audienceHosts(request)) {
			for (String scheme : List.of("http", "https", "ws", "wss")) {
				audiences.add(scheme + "://" + candidate + "/client/hubs/" + hub);
			}
		}
		return audiences;
	}

	private static ClientConnection.SimpleClientMode simpleClientMode(UriParts uri) {
		String mode = uri.first("webpubsub_mode");
		if (mode == null || mode.equalsIgnoreCase("sendEvent")) {
			return ClientConnection.SimpleClientMode.SEND_EVENT;
		}
		if (!mode.equalsIgnoreCase("sendToGroup")) {
			throw new IllegalArgumentException("Invalid webpubsub_mode '" + mode + "': use sendEvent or sendToGroup");
		}
		List<String> groups = uri.all("group");
		if (groups.size() != 1 || !isValidGroup(groups.get(0))) {
			throw new IllegalArgumentException("webpubsub_mode=sendToGroup needs exactly one valid 'group' parameter");
		}
		return new ClientConnection.SimpleClientMode(groups.get(0), "true".equalsIgnoreCase(uri.first("noEcho")));
	}

	static boolean isValidGroup(@Nullable String group) {
		return group != null && !group.isBlank() && group.length() <= MAX_GROUP_LENGTH;
	}

	private static boolean isWebSocketUpgrade(HttpServerRequest request) {
		return request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, "websocket", true);
	}

	private static List<String> requestedSubprotocols(HttpServerRequest request) {
		List<String> protocols = new ArrayList<>();
		for (String header : request.requestHeaders().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
			for (String protocol : header.split(",")) {
				if (!protocol.isBlank()) {
					protocols.add(protocol.trim());
				}
			}
		}
		return protocols;
	}

	/** Without a connect handler, the first subprotocol of the emulator's that the client offers is selected. */
	private static @Nullable String defaultSubprotocol(List<String> requested) {
		for (String protocol : requested) {
			if (ClientProtocol.of(protocol) != ClientProtocol.SIMPLE) {
				return protocol;
			}
		}
		return null;
	}

	private ObjectNode connectBody(HttpServerRequest request, UriParts uri, ObjectNode claims, List<String> requested) {
		ObjectNode body = this.service.jsonMapper().createObjectNode();
		ObjectNode claimsNode = body.putObject("claims");
		claims.properties().forEach((entry) -> {
			var values = claimsNode.putArray(entry.getKey());
			if (entry.getValue().isArray()) {
				entry.getValue().values().forEach((value) -> values.add(text(value)));
			}
			else {
				values.add(text(entry.getValue()));
			}
		});
		ObjectNode query = body.putObject("query");
		for (Map.Entry<String, List<String>> entry : uri.query().entrySet()) {
			var values = query.putArray(entry.getKey());
			entry.getValue().forEach(values::add);
		}
		ObjectNode headers = body.putObject("headers");
		for (String name : request.requestHeaders().names()) {
			var values = headers.putArray(name);
			request.requestHeaders().getAll(name).forEach(values::add);
		}
		var subprotocols = body.putArray("subprotocols");
		requested.forEach(subprotocols::add);
		body.putArray("clientCertificates");
		return body;
	}

	private static String text(JsonNode value) {
		return value.isString() ? value.stringValue() : value.toString();
	}

	/**
	 * Applies a successful connect response.
	 * @return a problem with the response, or {@code null}
	 */
	private @Nullable String applyConnectResponse(ClientConnection connection, Upstream.UpstreamResponse response,
			List<String> requested, Set<String> groups) {
		if (response.connectionState() != null) {
			connection.connectionState(response.connectionState());
		}
		String subprotocol = defaultSubprotocol(requested);
		if (response.body().length > 0 && response.status() != 204) {
			JsonNode body;
			try {
				body = this.service.jsonMapper().readTree(response.body());
			}
			catch (JacksonException ex) {
				return "The connect event handler returned a body that is not JSON";
			}
			if (!body.isObject()) {
				return "The connect event handler returned a body that is not a JSON object";
			}
			JsonNode userId = body.get("userId");
			if (userId != null && userId.isString() && !userId.stringValue().isEmpty()) {
				connection.userId(userId.stringValue());
			}
			groups.addAll(strings(body.get("groups")));
			strings(body.get("roles")).forEach((role) -> connection.permissions().addRole(role));
			JsonNode selected = body.get("subprotocol");
			if (selected != null && selected.isString() && !selected.stringValue().isEmpty()) {
				if (!requested.contains(selected.stringValue())) {
					return "The connect event handler selected subprotocol '" + selected.stringValue()
							+ "' that the client did not offer";
				}
				subprotocol = selected.stringValue();
			}
		}
		connection.select(subprotocol);
		return null;
	}

	static List<String> strings(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (node.isString()) {
			return List.of(node.stringValue());
		}
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.values().forEach((value) -> {
				if (value.isString()) {
					values.add(value.stringValue());
				}
			});
		}
		return values;
	}

	private static String newConnectionId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String newReconnectionToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A complete message received from a client.
	 *
	 * @param text whether it came in text frames
	 * @param data the payload
	 */
	private record InboundFrame(boolean text, byte[] data) {
	}

	/**
	 * Joins fragmented messages and enforces the size limit, which applies to whole messages as in the service.
	 */
	private static final class MessageAssembler {

		static final InboundFrame TOO_LARGE = new InboundFrame(false, new byte[0]);

		private @Nullable ByteArrayOutputStream partial;

		private boolean partialText;

		private boolean discarding;

		@Nullable InboundFrame add(WebSocketFrame frame) {
			boolean text = frame instanceof TextWebSocketFrame;
			boolean continuation = frame instanceof ContinuationWebSocketFrame;
			if (!text && !continuation && !(frame instanceof BinaryWebSocketFrame)) {
				return null;
			}
			if (this.discarding) {
				return null;
			}
			if (!continuation) {
				this.partial = new ByteArrayOutputStream();
				this.partialText = text;
			}
			ByteArrayOutputStream buffer = this.partial;
			if (buffer == null) {
				return null;
			}
			if (buffer.size() + frame.content().readableBytes() > MAX_FRAME_SIZE) {
				this.discarding = true;
				this.partial = null;
				return TOO_LARGE;
			}
			buffer.writeBytes(ByteBufUtil.getBytes(frame.content()));
			if (!frame.isFinalFragment()) {
				return null;
			}
			this.partial = null;
			return new InboundFrame(this.partialText, buffer.toByteArray());
		}

	}

}
