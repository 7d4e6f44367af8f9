package dev.webpubsub.spring.event;

/**
 * Client protocols whose events a handler receives.
 *
 * @author Web PubSub for Spring Boot team
 */
public enum WebPubSubClientProtocols {

	/**
	 * Events of every client; a handler for a specific protocol takes precedence.
	 */
	ALL,

	/**
	 * Events of WebSocket clients (simple and subprotocol clients).
	 */
	WEBPUBSUB,

	/**
	 * Events of MQTT clients.
	 */
	MQTT

}
