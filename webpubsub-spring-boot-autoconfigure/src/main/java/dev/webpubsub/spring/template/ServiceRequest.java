package dev.webpubsub.spring.template;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One REST request of an operation, ready to send.
 *
 * @param operation name of the operation, such as {@code sendToAll}, for errors, logs and observations
 * @param method the HTTP method
 * @param url the full URL, percent-encoded, with {@code api-version}
 * @param contentType the content type of the body, or {@code null} without body
 * @param body the body, or {@code null}
 * @param notFoundIsAnswer whether 404 is an answer (existence checks) rather than an error
 * @param retried whether transient failures are retried
 * @author Web PubSub for Spring Boot team
 */
record ServiceRequest(String operation, HttpMethod method, URI url, @Nullable MediaType contentType,
		byte @Nullable [] body, boolean notFoundIsAnswer, boolean retried) {

}
