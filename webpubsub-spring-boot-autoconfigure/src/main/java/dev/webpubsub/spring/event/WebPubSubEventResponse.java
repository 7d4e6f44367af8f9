package dev.webpubsub.spring.event;

/**
 * Response an event handler returns to the service: {@link ConnectEventResponse}, {@link UserEventResponse},
 * {@link EventErrorResponse} or {@link MqttConnectEventErrorResponse}.
 *
 * @author Web PubSub for Spring Boot team
 */
public sealed interface WebPubSubEventResponse
		permits ConnectEventResponse, UserEventResponse, EventErrorResponse, MqttConnectEventErrorResponse {

}
