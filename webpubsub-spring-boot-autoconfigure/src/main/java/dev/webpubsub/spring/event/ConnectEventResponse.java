package dev.webpubsub.spring.event;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Successful answer to {@code connect}: the user id, groups to join, roles and subprotocol of the new connection,
 * its connection states, and for MQTT clients the user properties of the CONNACK packet. Every part is optional;
 * an MQTT client's subprotocol is always {@code mqtt}.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class ConnectEventResponse implements WebPubSubEventResponse {

	private final @Nullable String userId;

	private final @Nullable List<String> groups;

	private final @Nullable List<String> roles;

	private final @Nullable String subprotocol;

	private final List<MqttUserProperty> mqttUserProperties;

	private final ConnectionStates states;

	private ConnectEventResponse(Builder builder) {
		this.userId = builder.userId;
		this.groups = (builder.groups != null) ? List.copyOf(builder.groups) : null;
		this.roles = (builder.roles != null) ? List.copyOf(builder.roles) : null;
		this.subprotocol = builder.subprotocol;
		this.mqttUserProperties = List.copyOf(builder.mqttUserProperties);
		this.states = builder.states;
	}

	/**
	 * Starts a response.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the user id of the connection.
	 * @return the user id, or {@code null} to keep the one of the client's token
	 */
	public @Nullable String getUserId() {
		return this.userId;
	}

	/**
	 * Returns the groups the connection joins.
	 * @return the groups, or {@code null}
	 */
	public @Nullable List<String> getGroups() {
		return this.groups;
	}

	/**
	 * Returns the roles of the connection.
	 * @return the roles, or {@code null}
	 */
	public @Nullable List<String> getRoles() {
		return this.roles;
	}

	/**
	 * Returns the selected subprotocol.
	 * @return one of the subprotocols the client offered, or {@code null} for none
	 */
	public @Nullable String getSubprotocol() {
		return this.subprotocol;
	}

	/**
	 * Returns the MQTT user properties of the CONNACK packet (MQTT 5 clients only).
	 * @return the user properties, empty when there are none
	 */
	public List<MqttUserProperty> getMqttUserProperties() {
		return this.mqttUserProperties;
	}

	/**
	 * Returns the connection states this response sets.
	 * @return the states
	 */
	public ConnectionStates getStates() {
		return this.states;
	}

	/**
	 * Builder of {@link ConnectEventResponse}.
	 */
	public static final class Builder {

		private @Nullable String userId;

		private @Nullable List<String> groups;

		private @Nullable List<String> roles;

		private @Nullable String subprotocol;

		private final List<MqttUserProperty> mqttUserProperties = new ArrayList<>();

		private ConnectionStates states = ConnectionStates.UNCHANGED;

		private Builder() {
		}

		/**
		 * Sets the user id.
		 * @param userId the user id
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Sets the groups the connection joins.
		 * @param groups the groups
		 * @return this builder
		 */
		public Builder groups(String... groups) {
			this.groups = List.of(groups);
			return this;
		}

		/**
		 * Sets the roles of the connection, such as {@code webpubsub.joinLeaveGroup}.
		 * @param roles the roles
		 * @return this builder
		 */
		public Builder roles(String... roles) {
			this.roles = List.of(roles);
			return this;
		}

		/**
		 * Selects a subprotocol; it must be one the client offered.
		 * @param subprotocol the subprotocol
		 * @return this builder
		 */
		public Builder subprotocol(@Nullable String subprotocol) {
			this.subprotocol = subprotocol;
			return this;
		}

		/**
		 * Adds an MQTT user property to the CONNACK packet.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder mqttUserProperty(String name, String value) {
			this.mqttUserProperties.add(new MqttUserProperty(name, value));
			return this;
		}

		/**
		 * Sets a connection state, stored as UTF-8.
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public Builder state(String key, String value) {
			this.states = this.states.with(key, value);
			return this;
		}

		/**
		 * Sets a connection state.
		 * @param key the key
		 * @param value the value as raw bytes
		 * @return this builder
		 */
		public Builder state(String key, byte[] value) {
			this.states = this.states.with(key, value);
			return this;
		}

		/**
		 * Drops the states the request carried; states set on this builder afterwards still apply.
		 * @return this builder
		 */
		public Builder clearStates() {
			this.states = ConnectionStates.cleared();
			return this;
		}

		/**
		 * Builds the response.
		 * @return the response
		 */
		public ConnectEventResponse build() {
			return new ConnectEventResponse(this);
		}

	}

}
