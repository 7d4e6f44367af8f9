/**
 * Web PubSub endpoints for Spring MVC (servlet) applications.
 */
@NullMarked
package dev.webpubsub.spring.web.servlet;

import org.jspecify.annotations.NullMarked;
