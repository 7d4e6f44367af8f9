package dev.webpubsub.spring.event;

/**
 * MQTT 5 user property.
 *
 * @param name the property name
 * @param value the property value
 * @author Web PubSub for Spring Boot team
 */
public record MqttUserProperty(String name, String value) {

}
