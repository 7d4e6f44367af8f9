/**
 * Webhook applications measured with wrk: the starter and a bare hand-written endpoint, on both web stacks.
 */
@NullMarked
package dev.webpubsub.benchmarks.apps;

import org.jspecify.annotations.NullMarked;
