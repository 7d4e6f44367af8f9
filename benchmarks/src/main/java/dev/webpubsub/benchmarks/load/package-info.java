/**
 * Load drivers and servers for loopback measurements: template sends, WebSocket fan-out, start-up time.
 */
@NullMarked
package dev.webpubsub.benchmarks.load;

import org.jspecify.annotations.NullMarked;
