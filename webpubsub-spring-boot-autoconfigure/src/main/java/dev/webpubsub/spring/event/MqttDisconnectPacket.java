package dev.webpubsub.spring.event;

import java.util.List;

/**
 * DISCONNECT packet an MQTT client or the service sent.
 *
 * @param code the MQTT reason code
 * @param userProperties the MQTT 5 user properties, empty when there are none
 * @author Web PubSub for Spring Boot team
 */
public record MqttDisconnectPacket(int code, List<MqttUserProperty> userProperties) {

	/**
	 * Creates the packet with an unmodifiable copy of the user properties.
	 */
	public MqttDisconnectPacket {
		userProperties = List.copyOf(userProperties);
	}

}
