/**
 * Annotations that mark bean methods as handlers of Web PubSub events.
 */
@NullMarked
package dev.webpubsub.spring.annotation;

import org.jspecify.annotations.NullMarked;
