/**
 * Stack-neutral webhook pipeline: validation, routing and invocation of event handler methods.
 */
@NullMarked
package dev.webpubsub.spring.handler;

import org.jspecify.annotations.NullMarked;
