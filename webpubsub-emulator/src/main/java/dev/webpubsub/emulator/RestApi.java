package dev.webpubsub.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data-plane REST API ({@code /api/...}, api-version 2024-12-01 and earlier): every operation, authenticated
 * with HS256 tokens signed with the access key (or, when enabled, unvalidated Entra ID tokens).
 */
final class RestApi {

	private static final Log logger = LogFactory.getLog(RestApi.class);

	private static final int MAX_BODY_SIZE = 1024 * 1024;

	private static final int DEFAULT_PAGE_SIZE = 100;

	private static final int MAX_PAGE_SIZE = 200;

	private final EmulatedService service;

	private final boolean allowUnvalidatedEntraTokens;

	RestApi(EmulatedService service, boolean allowUnvalidatedEntraTokens) {
		this.service = service;
		this.allowUnvalidatedEntraTokens = allowUnvalidatedEntraTokens;
	}

	/**
	 * Handles a request under {@code /api}.
	 * @param request the request
	 * @param response the response
	 * @param uri the parsed URI
	 * @return completion
	 */
	Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, UriParts uri) {
		List<String> path = uri.segments();
		HttpMethod method = request.method();
		if (path.size() == 2 && path.get(1).equals("health")) {
			return (method.equals(HttpMethod.HEAD) || method.equals(HttpMethod.GET)) ? status(response, 200)
					: error(response, 405, "MethodNotAllowed", "Use HEAD or GET on /api/health");
		}
		if (path.size() < 4 || !path.get(1).equals("hubs")) {
			return error(response, 404, "NotFound", "No such operation: " + request.path());
		}
		String hubName = path.get(2);
		if (!EmulatedService.isValidHubName(hubName)) {
			return error(response, 400, "InvalidHubName",
					"Invalid hub name '" + hubName + "': " + EmulatedService.HUB_NAME_RULE);
		}
		if (uri.first("api-version") == null) {
			return error(response, 400, "MissingApiVersionParameter", "The 'api-version' query parameter is required");
		}
		String problem = authenticate(request, path.get(3).equals(":generateToken"));
		if (problem != null) {
			return error(response, 401, "Unauthorized", problem);
		}
		Operation operation = new Operation(request, response, uri, hubName, this.service.hub(hubName));
		try {
			return route(operation, method, path.subList(3, path.size()));
		}
		catch (BadRequestException ex) {
			return error(response, 400, "BadRequest", ex.getMessage());
		}
	}

	private Mono<Void> route(Operation op, HttpMethod method, List<String> path) {
		String first = path.get(0);
		int size = path.size();
		if (size == 1) {
			switch (first) {
				case ":send":
					return post(op, method, () -> send(op, op.hub.connections(), op.excluded()));
				case ":closeConnections":
					return post(op, method, () -> close(op, op.hub.connections()));
				case ":generateToken":
					return post(op, method, () -> generateToken(op));
				case ":addToGroups", ":removeFromGroups":
					return post(op, method, () -> groupsByFilter(op, first.equals(":addToGroups")));
				default:
					return notFound(op);
			}
		}
		String name = path.get(1);
		switch (first) {
			case "connections":
				return connections(op, method, name, path.subList(2, size));
			case "groups":
				return groups(op, method, name, path.subList(2, size));
			case "users":
				return users(op, method, name, path.subList(2, size));
			case "permissions":
				if (size == 4 && path.get(2).equals("connections")) {
					return permission(op, method, name, path.get(3));
				}
				return notFound(op);
			default:
				return notFound(op);
		}
	}

	private Mono<Void> connections(Operation op, HttpMethod method, String connectionId, List<String> rest) {
		ClientConnection connection = op.hub.connection(connectionId);
		if (rest.isEmpty()) {
			if (method.equals(HttpMethod.HEAD)) {
				return status(op.response, (connection != null) ? 200 : 404);
			}
			if (method.equals(HttpMethod.DELETE)) {
				if (connection != null) {
					this.service.close(connection, 1000, op.uri.first("reason"));
				}
				return status(op.response, 204);
			}
			return methodNotAllowed(op);
		}
		if (rest.size() == 1 && rest.get(0).equals(":send")) {
			return post(op, method, () -> send(op, (connection != null) ? List.of(connection) : List.of(), Set.of()));
		}
		if (rest.size() == 1 && rest.get(0).equals("groups")) {
			if (!method.equals(HttpMethod.DELETE)) {
				return methodNotAllowed(op);
			}
			if (connection != null) {
				op.hub.removeFromAllGroups(connection);
			}
			return status(op.response, 204);
		}
		return notFound(op);
	}

	private Mono<Void> groups(Operation op, HttpMethod method, String group, List<String> rest) {
		if (!ClientEndpoint.isValidGroup(group)) {
			throw new BadRequestException("Invalid group name: it must be 1 to 1024 characters and not blank");
		}
		if (rest.isEmpty()) {
			return method.equals(HttpMethod.HEAD) ? status(op.response, op.hub.hasGroup(group) ? 200 : 404)
					: methodNotAllowed(op);
		}
		String action = rest.get(0);
		if (rest.size() == 1 && action.equals(":send")) {
			return post(op, method, () -> send(op, op.hub.groupConnections(group), op.excluded()));
		}
		if (rest.size() == 1 && action.equals(":closeConnections")) {
			return post(op, method, () -> close(op, op.hub.groupConnections(group)));
		}
		if (rest.size() == 1 && action.equals("connections")) {
			return method.equals(HttpMethod.GET) ? listGroupConnections(op, group) : methodNotAllowed(op);
		}
		if (rest.size() == 2 && action.equals("connections")) {
			ClientConnection connection = op.hub.connection(rest.get(1));
			if (method.equals(HttpMethod.PUT)) {
				if (connection == null) {
					return error(op.response, 404, "NotFound", "Connection '" + rest.get(1) + "' does not exist");
				}
				op.hub.join(connection, group);
				return status(op.response, 200);
			}
			if (method.equals(HttpMethod.DELETE)) {
				if (connection != null) {
					op.hub.leave(connection, group);
				}
				return status(op.response, 204);
			}
			return methodNotAllowed(op);
		}
		return notFound(op);
	}

	private Mono<Void> users(Operation op, HttpMethod method, String userId, List<String> rest) {
		if (rest.isEmpty()) {
			return method.equals(HttpMethod.HEAD)
					? status(op.response, op.hub.userConnections(userId).isEmpty() ? 404 : 200) : methodNotAllowed(op);
		}
		String action = rest.get(0);
		if (rest.size() == 1 && action.equals(":send")) {
			return post(op, method, () -> send(op, op.hub.userConnections(userId), Set.of()));
		}
		if (rest.size() == 1 && action.equals(":closeConnections")) {
			return post(op, method, () -> close(op, op.hub.userConnections(userId)));
		}
		if (rest.size() == 1 && action.equals("groups")) {
			if (!method.equals(HttpMethod.DELETE)) {
				return methodNotAllowed(op);
			}
			op.hub.removeUserFromAllGroups(userId);
			return status(op.response, 204);
		}
		if (rest.size() == 2 && action.equals("groups")) {
			String group = rest.get(1);
			if (!ClientEndpoint.isValidGroup(group)) {
				throw new BadRequestException("Invalid group name: it must be 1 to 1024 characters and not blank");
			}
			if (method.equals(HttpMethod.PUT)) {
				op.hub.addUserToGroup(userId, group);
				return status(op.response, 200);
			}
			if (method.equals(HttpMethod.DELETE)) {
				op.hub.removeUserFromGroup(userId, group);
				return status(op.response, 204);
			}
			return methodNotAllowed(op);
		}
		return notFound(op);
	}

	private Mono<Void> permission(Operation op, HttpMethod method, String permission, String connectionId) {
		if (!Permissions.isPermission(permission)) {
			throw new BadRequestException(
					"Invalid permission '" + permission + "': use sendToGroup or joinLeaveGroup");
		}
		String targetName = op.uri.first("targetName");
		if (targetName != null && targetName.isEmpty()) {
			targetName = null;
		}
		ClientConnection connection = op.hub.connection(connectionId);
		if (method.equals(HttpMethod.HEAD)) {
			return status(op.response,
					(connection != null && connection.permissions().allows(permission, targetName)) ? 200 : 404);
		}
		if (method.equals(HttpMethod.PUT)) {
			if (connection == null) {
				return error(op.response, 404, "NotFound", "Connection '" + connectionId + "' does not exist");
			}
			connection.permissions().grant(permission, targetName);
			return status(op.response, 200);
		}
		if (method.equals(HttpMethod.DELETE)) {
			if (connection != null) {
				connection.permissions().revoke(permission, targetName);
			}
			return status(op.response, 204);
		}
		return methodNotAllowed(op);
	}

	private Mono<Void> send(Operation op, Collection<ClientConnection> targets, Set<String> excluded) {
		ttl(op);
		ODataFilter filter = filter(op.uri.first("filter"));
		Payload.DataType type = Payload.DataType.fromContentType(
				op.request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE));
		return body(op).flatMap((body) -> {
			OutboundMessage message = OutboundMessage.fromServer(new Payload(type, body), this.service.jsonMapper());
			// Iterated in place: the hub's concurrent collections need no copy per message.
			boolean everyone = excluded.isEmpty() && filter == null;
			for (ClientConnection connection : targets) {
				if (everyone || isRecipient(connection, excluded, filter)) {
					connection.send(message);
				}
			}
			return status(op.response, 202);
		});
	}

	private static boolean isRecipient(ClientConnection connection, Set<String> excluded,
			@Nullable ODataFilter filter) {
		return !excluded.contains(connection.id()) && (filter == null || filter.matches(connection));
	}

	private Mono<Void> close(Operation op, Collection<ClientConnection> targets) {
		Set<String> excluded = op.excluded();
		String reason = op.uri.first("reason");
		for (ClientConnection connection : List.copyOf(targets)) {
			if (!excluded.contains(connection.id())) {
				this.service.close(connection, 1000, reason);
			}
		}
		return status(op.response, 204);
	}

	private Mono<Void> generateToken(Operation op) {
		String minutes = op.uri.first("minutesToExpire");
		long minutesToExpire = 60;
		if (minutes != null) {
			try {
				minutesToExpire = Long.parseLong(minutes);
			}
			catch (NumberFormatException ex) {
				minutesToExpire = 0;
			}
			if (minutesToExpire < 1) {
				throw new BadRequestException("'minutesToExpire' must be an integer of at least 1");
			}
		}
		String clientType = op.uri.first("clientType");
		String path = "/client/hubs/";
		if (clientType != null && clientType.equalsIgnoreCase("mqtt")) {
			path = "/clients/mqtt/hubs/";
		}
		else if (clientType != null && clientType.equalsIgnoreCase("socketio")) {
			path = "/clients/socketio/hubs/";
		}
		else if (clientType != null && !clientType.equalsIgnoreCase("default")) {
			throw new BadRequestException("Invalid clientType '" + clientType + "': use Default or MQTT");
		}
		long now = this.service.tokens().now();
		ObjectNode claims = this.service.jsonMapper().createObjectNode();
		claims.put("aud", "http://" + host(op.request) + path + op.hubName)
			.put("iat", now)
			.put("exp", now + minutesToExpire * 60);
		String userId = op.uri.first("userId");
		if (userId != null && !userId.isEmpty()) {
			claims.put("sub", userId);
		}
		List<String> roles = op.uri.all("role");
		if (!roles.isEmpty()) {
			ArrayNode role = claims.putArray("role");
			roles.forEach(role::add);
		}
		List<String> groups = op.uri.all("group");
		if (!groups.isEmpty()) {
			ArrayNode group = claims.putArray("webpubsub.group");
			groups.forEach(group::add);
		}
		ObjectNode body = this.service.jsonMapper().createObjectNode().put("token", this.service.tokens().sign(claims));
		return json(op.response, 200, body);
	}

	private Mono<Void> groupsByFilter(Operation op, boolean add) {
		return body(op).flatMap((bytes) -> {
			JsonNode body;
			try {
				body = this.service.jsonMapper().readTree(bytes);
			}
			catch (JacksonException ex) {
				return error(op.response, 400, "BadRequest", "The body must be JSON {\"groups\":[...],\"filter\":\"...\"}");
			}
			List<String> groups = ClientEndpoint.strings(body.get("groups"));
			if (groups.isEmpty() || !groups.stream().allMatch(ClientEndpoint::isValidGroup)) {
				return error(op.response, 400, "BadRequest", "'groups' must be a non-empty array of valid group names");
			}
			JsonNode filterNode = body.get("filter");
			ODataFilter filter;
			try {
				filter = filter((filterNode != null && filterNode.isString()) ? filterNode.stringValue() : null);
			}
			catch (BadRequestException ex) {
				return error(op.response, 400, "BadRequest", ex.getMessage());
			}
			for (ClientConnection connection : List.copyOf(op.hub.connections())) {
				if (filter == null || filter.matches(connection)) {
					for (String group : groups) {
						if (add) {
							op.hub.join(connection, group);
						}
						else {
							op.hub.leave(connection, group);
						}
					}
				}
			}
			return status(op.response, 200);
		});
	}

	private Mono<Void> listGroupConnections(Operation op, String group) {
		int pageSize = intParameter(op, "maxpagesize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
		int top = intParameter(op, "top", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
		int offset = intParameter(op, "continuationToken", 0, 0, Integer.MAX_VALUE);
		List<ClientConnection> members = op.hub.groupConnections(group)
			.stream()
			.sorted((a, b) -> a.id().compareTo(b.id()))
			.toList();
		int end = (int) Math.min(members.size(), Math.min((long) offset + pageSize, (long) top));
		ObjectNode body = this.service.jsonMapper().createObjectNode();
		ArrayNode value = body.putArray("value");
		for (int i = offset; i < end; i++) {
			ObjectNode item = value.addObject().put("connectionId", members.get(i).id());
			if (members.get(i).userId() != null) {
				item.put("userId", members.get(i).userId());
			}
		}
		if (end < Math.min(members.size(), top)) {
			String path = op.request.uri().split("\\?", 2)[0];
			StringBuilder next = new StringBuilder("http://").append(host(op.request))
				.append(path)
				.append("?api-version=")
				.append(UriParts.encode(op.uri.first("api-version")))
				.append("&maxpagesize=")
				.append(pageSize)
				.append("&continuationToken=")
				.append(end);
			if (top != Integer.MAX_VALUE) {
				next.append("&top=").append(top);
			}
			body.put("nextLink", next.toString());
		}
		return json(op.response, 200, body);
	}

	private static int intParameter(Operation op, String name, int defaultValue, int min, int max) {
		String value = op.uri.first(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			int result = Integer.parseInt(value);
			if (result >= min && result <= max) {
				return result;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new BadRequestException("'" + name + "' must be an integer from " + min + " to " + max);
	}

	private static void ttl(Operation op) {
		intParameter(op, "messageTtlSeconds", 0, 0, 300);
	}

	private static @Nullable ODataFilter filter(@Nullable String filter) {
		if (filter == null || filter.isBlank()) {
			return null;
		}
		try {
			return ODataFilter.parse(filter);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

	/**
	 * Checks the bearer token.
	 * @return the problem, or {@code null} if the request is authenticated
	 */
	private @Nullable String authenticate(HttpServerRequest request, boolean generateToken) {
		String token = ClientEndpoint.bearer(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
		if (token == null) {
			return "Missing 'Authorization: Bearer' header";
		}
		try {
			if (this.allowUnvalidatedEntraTokens && this.service.tokens().hasEntraAudience(token)) {
				this.service.tokens().validateUnsignedEntraToken(token);
			}
			else {
				this.service.tokens().validate(token, audiences(request));
			}
			return null;
		}
		catch (AccessTokens.InvalidTokenException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * Audiences a REST token may carry: the request URL with or without its query, for the host the caller used
	 * and for the emulator's own endpoint, over http or https.
	 */
	private List<String> audiences(HttpServerRequest request) {
		String uri = request.uri();
		String path = uri.split("\\?", 2)[0];
		String trimmed = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
		List<String> audiences = new ArrayList<>();
		for (String host : this.service.audienceHosts(request)) {
			for (String scheme : List.of("http://", "https://")) {
				audiences.add(scheme + host + uri);
				audiences.add(scheme + host + path);
				audiences.add(scheme + host + trimmed);
			}
		}
		return audiences;
	}

	private String host(HttpServerRequest request) {
		String host = request.requestHeaders().get(HttpHeaderNames.HOST);
		return (host != null) ? host : this.service.authority();
	}

	private static Mono<byte[]> body(Operation op) {
		return BoundedBody.read(op.request.receive(), MAX_BODY_SIZE);
	}

	private Mono<Void> post(Operation op, HttpMethod method, Supplier<Mono<Void>> action) {
		if (!method.equals(HttpMethod.POST)) {
			return methodNotAllowed(op);
		}
		return Mono.defer(action)
			.onErrorResume(BadRequestException.class, (ex) -> error(op.response, 400, "BadRequest", ex.getMessage()))
			.onErrorResume(BoundedBody.TooLargeException.class,
					(ex) -> error(op.response, 413, "PayloadTooLarge", ex.getMessage()));
	}

	private Mono<Void> notFound(Operation op) {
		return error(op.response, 404, "NotFound", "No such operation: " + op.request.method() + " " + op.request.path());
	}

	private Mono<Void> methodNotAllowed(Operation op) {
		return error(op.response, 405, "MethodNotAllowed",
				"Method " + op.request.method() + " is not allowed on " + op.request.path());
	}

	private static Mono<Void> status(HttpServerResponse response, int status) {
		return response.status(status).send();
	}

	private Mono<Void> json(HttpServerResponse response, int status, ObjectNode body) {
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendByteArray(Mono.just(this.service.jsonMapper().writeValueAsBytes(body)))
			.then();
	}

	private Mono<Void> error(HttpServerResponse response, int status, String code, @Nullable String message) {
		String text = (message != null) ? message : code;
		logger.debug("REST request failed with " + status + ": " + text);
		ObjectNode body = this.service.jsonMapper().createObjectNode().put("code", code).put("message", text);
		return response.status(HttpResponseStatus.valueOf(status))
			.header("x-ms-error-code", code)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendByteArray(Mono.just(this.service.jsonMapper().writeValueAsBytes(body)))
			.then();
	}

	private static final class Operation {

		final HttpServerRequest request;

		final HttpServerResponse response;

		final UriParts uri;

		final String hubName;

		final Hub hub;

		Operation(HttpServerRequest request, HttpServerResponse response, UriParts uri, String hubName, Hub hub) {
			this.request = request;
			this.response = response;
			this.uri = uri;
			this.hubName = hubName;
			this.hub = hub;
		}

		Set<String> excluded() {
			return Set.copyOf(this.uri.all("excluded"));
		}

	}

	private static final class BadRequestException extends RuntimeException {

		BadRequestException(@Nullable String message) {
			super(message, null, false, false);
		}

	}

}
