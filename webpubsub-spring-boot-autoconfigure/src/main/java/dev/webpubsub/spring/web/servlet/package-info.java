/**
 * Servlet (Spring MVC) adapters of the Web PubSub webhook endpoint and context binding.
 */
@NullMarked
package dev.webpubsub.spring.web.servlet;

import org.jspecify.annotations.NullMarked;
