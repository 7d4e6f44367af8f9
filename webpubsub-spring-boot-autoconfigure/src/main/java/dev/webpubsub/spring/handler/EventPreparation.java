package dev.webpubsub.spring.handler;

/**
 * Outcome of the header phase of the webhook pipeline: either a final {@link EventResult} (preflight answers and
 * rejections) or a {@link PreparedEvent} that needs its body.
 *
 * @author Web PubSub for Spring Boot team
 */
public sealed interface EventPreparation permits EventResult, PreparedEvent {

}
