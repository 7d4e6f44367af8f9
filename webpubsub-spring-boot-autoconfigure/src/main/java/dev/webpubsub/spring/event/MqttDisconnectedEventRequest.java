package dev.webpubsub.spring.event;

import org.jspecify.annotations.Nullable;

/**
 * {@code disconnected} event of an MQTT client.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class MqttDisconnectedEventRequest extends DisconnectedEventRequest {

	private final boolean initiatedByClient;

	private final @Nullable MqttDisconnectPacket disconnectPacket;

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param reason why the client disconnected, if known
	 * @param initiatedByClient whether the client initiated the disconnect
	 * @param disconnectPacket the DISCONNECT packet, if one was sent
	 */
	public MqttDisconnectedEventRequest(WebPubSubConnectionContext connectionContext, @Nullable String reason,
			boolean initiatedByClient, @Nullable MqttDisconnectPacket disconnectPacket) {
		super(connectionContext, reason);
		this.initiatedByClient = initiatedByClient;
		this.disconnectPacket = disconnectPacket;
	}

	/**
	 * Whether the client initiated the disconnect.
	 * @return {@code true} when the client disconnected
	 */
	public boolean isInitiatedByClient() {
		return this.initiatedByClient;
	}

	/**
	 * Returns the DISCONNECT packet.
	 * @return the packet, or {@code null} when none was sent
	 */
	public @Nullable MqttDisconnectPacket getDisconnectPacket() {
		return this.disconnectPacket;
	}

}
