/**
 * Web PubSub endpoints for Spring WebFlux (reactive) applications.
 */
@NullMarked
package dev.webpubsub.spring.web.reactive;

import org.jspecify.annotations.NullMarked;
