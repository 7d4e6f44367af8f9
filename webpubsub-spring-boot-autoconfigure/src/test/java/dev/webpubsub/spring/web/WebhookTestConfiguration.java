package dev.webpubsub.spring.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.webpubsub.spring.autoconfigure.WebPubSubAutoConfiguration;
import dev.webpubsub.spring.autoconfigure.WebPubSubEventHandlerAutoConfiguration;

/**
 * Application of the webhook endpoint tests: the web stack's auto-configuration, the starter's, and the test
 * handlers.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
		CodecsAutoConfiguration.class, DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
		HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, WebPubSubAutoConfiguration.class,
		WebPubSubEventHandlerAutoConfiguration.class })
class WebhookTestConfiguration {

	@Bean
	TestEventHandlers testEventHandlers() {
		return new TestEventHandlers();
	}

	@Bean
	ContextController contextController() {
		return new ContextController();
	}

}
