package dev.webpubsub.spring.event;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Connection an upstream event belongs to, read from the event's {@code ce-*} headers: hub, connection id, user
 * id, event name and type, the origin that sent it, all request headers, the connection states, and for MQTT
 * clients the physical connection id and session id.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class WebPubSubConnectionContext {

	private final String hub;

	private final String connectionId;

	private final @Nullable String userId;

	private final String eventName;

	private final WebPubSubEventType eventType;

	private final String origin;

	private final @Nullable String subprotocol;

	private final @Nullable String physicalConnectionId;

	private final @Nullable String sessionId;

	private final Map<String, List<String>> headers;

	private final Map<String, byte[]> states;

	/**
	 * Creates a context.
	 * @param hub the hub
	 * @param connectionId the connection id (for MQTT clients, the client id)
	 * @param userId the user id, if the connection has one
	 * @param eventName the event name, such as {@code connect} or {@code message}
	 * @param eventType the event type
	 * @param origin the {@code WebHook-Request-Origin} of the request
	 * @param subprotocol the subprotocol of the connection, if any
	 * @param physicalConnectionId the physical connection id of an MQTT client, else {@code null}
	 * @param sessionId the session id of an MQTT client, if known
	 * @param headers every request header, names as received
	 * @param states the connection states, raw bytes by key
	 */
	public WebPubSubConnectionContext(String hub, String connectionId, @Nullable String userId, String eventName,
			WebPubSubEventType eventType, String origin, @Nullable String subprotocol,
			@Nullable String physicalConnectionId, @Nullable String sessionId, Map<String, List<String>> headers,
			Map<String, byte[]> states) {
		this.hub = Objects.requireNonNull(hub, "'hub' must not be null");
		this.connectionId = Objects.requireNonNull(connectionId, "'connectionId' must not be null");
		this.userId = userId;
		this.eventName = Objects.requireNonNull(eventName, "'eventName' must not be null");
		this.eventType = Objects.requireNonNull(eventType, "'eventType' must not be null");
		this.origin = Objects.requireNonNull(origin, "'origin' must not be null");
		this.subprotocol = subprotocol;
		this.physicalConnectionId = physicalConnectionId;
		this.sessionId = sessionId;
		Map<String, List<String>> headersCopy = new LinkedHashMap<>();
		headers.forEach((name, values) -> headersCopy.put(name, List.copyOf(values)));
		this.headers = Collections.unmodifiableMap(headersCopy);
		this.states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
	}

	/**
	 * Returns the hub.
	 * @return the hub
	 */
	public String getHub() {
		return this.hub;
	}

	/**
	 * Returns the connection id; for MQTT clients, the MQTT client id.
	 * @return the connection id
	 */
	public String getConnectionId() {
		return this.connectionId;
	}

	/**
	 * Returns the user id of the connection.
	 * @return the user id, or {@code null} when the connection has none (often on {@code connect})
	 */
	public @Nullable String getUserId() {
		return this.userId;
	}

	/**
	 * Returns the event name.
	 * @return the event name, such as {@code connect} or {@code message}
	 */
	public String getEventName() {
		return this.eventName;
	}

	/**
	 * Returns the event type.
	 * @return the event type
	 */
	public WebPubSubEventType getEventType() {
		return this.eventType;
	}

	/**
	 * Returns the {@code WebHook-Request-Origin} of the request, the service host.
	 * @return the origin
	 */
	public String getOrigin() {
		return this.origin;
	}

	/**
	 * Returns the subprotocol of the connection ({@code ce-subprotocol}).
	 * @return the subprotocol, or {@code null}
	 */
	public @Nullable String getSubprotocol() {
		return this.subprotocol;
	}

	/**
	 * Returns the physical connection id of an MQTT client ({@code ce-physicalConnectionId}).
	 * @return the physical connection id, or {@code null} for other clients
	 */
	public @Nullable String getPhysicalConnectionId() {
		return this.physicalConnectionId;
	}

	/**
	 * Returns the session id of an MQTT client ({@code ce-sessionId}).
	 * @return the session id, or {@code null}
	 */
	public @Nullable String getSessionId() {
		return this.sessionId;
	}

	/**
	 * Whether the event comes from an MQTT client.
	 * @return {@code true} for MQTT clients
	 */
	public boolean isMqtt() {
		return this.physicalConnectionId != null;
	}

	/**
	 * Returns every header of the request, with the names as received.
	 * @return the headers
	 */
	public Map<String, List<String>> getHeaders() {
		return this.headers;
	}

	/**
	 * Returns the connection states from the request's {@code ce-connectionState} header, raw bytes by key.
	 * @return the states, empty when there are none
	 */
	public Map<String, byte[]> getStates() {
		return this.states;
	}

	/**
	 * Returns one connection state as UTF-8 text.
	 * @param key the state key
	 * @return the value, or {@code null} when the connection has no such state
	 */
	public @Nullable String getState(String key) {
		byte[] value = this.states.get(key);
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	@Override
	public String toString() {
		return "WebPubSubConnectionContext[hub=" + this.hub + ", connectionId=" + this.connectionId + ", userId="
				+ this.userId + ", eventType=" + this.eventType + ", eventName=" + this.eventName + "]";
	}

}
