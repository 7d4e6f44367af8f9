/**
 * Output to the Web PubSub service: blocking and reactive templates over its REST API, the Azure Functions output
 * actions as values, request authentication, retries and errors.
 */
@NullMarked
package dev.webpubsub.spring.template;

import org.jspecify.annotations.NullMarked;
