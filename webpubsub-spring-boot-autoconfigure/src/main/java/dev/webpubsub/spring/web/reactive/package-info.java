/**
 * Reactive (Spring WebFlux) adapters of the Web PubSub webhook endpoint and context binding.
 */
@NullMarked
package dev.webpubsub.spring.web.reactive;

import org.jspecify.annotations.NullMarked;
