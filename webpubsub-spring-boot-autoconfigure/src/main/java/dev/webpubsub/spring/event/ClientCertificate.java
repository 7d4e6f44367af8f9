package dev.webpubsub.spring.event;

import org.jspecify.annotations.Nullable;

/**
 * Client certificate presented on {@code connect}.
 *
 * @param thumbprint the SHA-1 thumbprint
 * @param content the PEM content, or {@code null} when the service did not send it
 * @author Web PubSub for Spring Boot team
 */
public record ClientCertificate(String thumbprint, @Nullable String content) {

}
