/**
 * Benchmarks of the starter against a hand-written baseline and the official SDK.
 */
@NullMarked
package dev.webpubsub.benchmarks;

import org.jspecify.annotations.NullMarked;
