/**
 * Auto-configuration of the Azure Web PubSub starter.
 */
@NullMarked
package dev.webpubsub.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
