package dev.webpubsub.spring.token;

/**
 * The kind of client a client access URL is for. Each protocol has its own client endpoint path, and the token's
 * audience names that path.
 *
 * @author Web PubSub for Spring Boot team
 */
public enum ClientProtocol {

	/**
	 * Web PubSub clients (plain WebSocket and the {@code json.webpubsub.azure.v1} subprotocols):
	 * {@code /client/hubs/{hub}}.
	 */
	DEFAULT("client/hubs/", "default"),

	/**
	 * MQTT clients: {@code /clients/mqtt/hubs/{hub}}.
	 */
	MQTT("clients/mqtt/hubs/", "mqtt"),

	/**
	 * Clients of Web PubSub for Socket.IO: {@code /clients/socketio/hubs/{hub}}.
	 */
	SOCKETIO("clients/socketio/hubs/", "socketio");

	private final String hubsPath;

	private final String clientType;

	ClientProtocol(String hubsPath, String clientType) {
		this.hubsPath = hubsPath;
		this.clientType = clientType;
	}

	/**
	 * Returns the path of the hub's client endpoint, relative to the service endpoint.
	 * @param hub the hub, as it appears in the path
	 * @return the relative path, such as {@code client/hubs/chat}
	 */
	String path(String hub) {
		return this.hubsPath + hub;
	}

	/**
	 * Returns the {@code clientType} query value of the REST {@code :generateToken} operation.
	 * @return {@code default}, {@code mqtt} or {@code socketio}
	 */
	public String clientType() {
		return this.clientType;
	}

}
