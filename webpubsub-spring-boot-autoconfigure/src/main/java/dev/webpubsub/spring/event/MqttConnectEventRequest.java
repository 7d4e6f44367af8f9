package dev.webpubsub.spring.event;

import java.util.List;
import java.util.Map;

/**
 * {@code connect} event of an MQTT client, with the MQTT CONNECT packet's properties.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class MqttConnectEventRequest extends ConnectEventRequest {

	private final MqttConnectProperties mqtt;

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param claims the claims of the client's access token
	 * @param query the query parameters of the client's request
	 * @param subprotocols the subprotocols the client offers
	 * @param clientCertificates the client certificates
	 * @param headers the headers of the client's request
	 * @param mqtt the MQTT properties
	 */
	public MqttConnectEventRequest(WebPubSubConnectionContext connectionContext, Map<String, List<String>> claims,
			Map<String, List<String>> query, List<String> subprotocols, List<ClientCertificate> clientCertificates,
			Map<String, List<String>> headers, MqttConnectProperties mqtt) {
		super(connectionContext, claims, query, subprotocols, clientCertificates, headers);
		this.mqtt = mqtt;
	}

	/**
	 * Returns the MQTT properties of the CONNECT packet.
	 * @return the MQTT properties
	 */
	public MqttConnectProperties getMqtt() {
		return this.mqtt;
	}

}
