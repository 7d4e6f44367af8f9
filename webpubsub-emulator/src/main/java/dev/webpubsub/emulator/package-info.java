/**
 * Local emulator of Azure Web PubSub: client WebSockets, the data-plane REST API and upstream CloudEvents.
 */
@NullMarked
package dev.webpubsub.emulator;

import org.jspecify.annotations.NullMarked;
