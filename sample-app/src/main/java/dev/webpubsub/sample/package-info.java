/**
 * Sample chat application built on the Azure Web PubSub starter.
 */
@NullMarked
package dev.webpubsub.sample;

import org.jspecify.annotations.NullMarked;
