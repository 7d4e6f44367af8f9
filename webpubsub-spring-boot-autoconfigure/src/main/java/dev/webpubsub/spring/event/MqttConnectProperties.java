package dev.webpubsub.spring.event;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * MQTT part of an MQTT client's {@code connect} event.
 *
 * @param protocolVersion the MQTT protocol version, 4 (3.1.1) or 5
 * @param username the user name of the CONNECT packet, if any
 * @param password the password of the CONNECT packet as the service sends it, if any
 * @param userProperties the MQTT 5 user properties, empty when there are none
 * @author Web PubSub for Spring Boot team
 */
public record MqttConnectProperties(int protocolVersion, @Nullable String username, @Nullable String password,
		List<MqttUserProperty> userProperties) {

	/**
	 * Creates the properties with an unmodifiable copy of the user properties.
	 */
	public MqttConnectProperties {
		userProperties = List.copyOf(userProperties);
	}

	@Override
	public String toString() {
		return "MqttConnectProperties[protocolVersion=" + this.protocolVersion + ", username=" + this.username + "]";
	}

}
