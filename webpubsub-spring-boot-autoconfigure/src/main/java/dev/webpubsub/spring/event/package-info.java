/**
 * Model of Web PubSub upstream events: requests, connection context, responses and errors.
 */
@NullMarked
package dev.webpubsub.spring.event;

import org.jspecify.annotations.NullMarked;
