/**
 * JMH micro-benchmarks: token minting, signature validation, event dispatch and REST request building.
 */
@NullMarked
package dev.webpubsub.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
