/**
 * Connections to an Azure Web PubSub service: connection strings, endpoints and their credentials.
 */
@NullMarked
package dev.webpubsub.spring.connection;

import org.jspecify.annotations.NullMarked;
