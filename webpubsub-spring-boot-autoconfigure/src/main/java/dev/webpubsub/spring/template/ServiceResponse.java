package dev.webpubsub.spring.template;

/**
 * The successful answer of the service to a {@link ServiceRequest}.
 *
 * @param status the HTTP status
 * @param body the body, empty when there is none
 * @author Web PubSub for Spring Boot team
 */
record ServiceResponse(int status, byte[] body) {

}
