/**
 * Test support: correctly signed Web PubSub upstream event requests for MockMvc and WebTestClient.
 */
@NullMarked
package dev.webpubsub.spring.test;

import org.jspecify.annotations.NullMarked;
