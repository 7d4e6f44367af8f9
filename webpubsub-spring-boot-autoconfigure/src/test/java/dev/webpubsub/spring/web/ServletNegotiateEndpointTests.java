package dev.webpubsub.spring.web;

import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.webpubsub.spring.autoconfigure.WebPubSubAutoConfiguration;
import dev.webpubsub.spring.autoconfigure.WebPubSubNegotiateAutoConfiguration;
import dev.webpubsub.spring.web.servlet.NegotiateHandler;

/**
 * Negotiate endpoint behaviour in a Spring MVC application ({@link NegotiateHandler}), through MockMvc.
 */
class ServletNegotiateEndpointTests extends AbstractNegotiateEndpointTests<WebApplicationContextRunner> {

	@Override
	WebApplicationContextRunner runner() {
		return new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(WebPubSubAutoConfiguration.class,
				WebPubSubNegotiateAutoConfiguration.class, WebMvcAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class));
	}

	@Override
	AutoConfigurations security() {
		return AutoConfigurations.of(SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class);
	}

	@Override
	Response exchange(ApplicationContext context, Request request) {
		DefaultMockMvcBuilder mockMvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
		if (context.containsBean("springSecurityFilterChain")) {
			mockMvc.addFilters(context.getBean("springSecurityFilterChain", Filter.class));
		}
		MockMvcRequestBuilder builder = MockMvcTester.create(mockMvc.build())
			.method(request.method())
			.uri(request.uri())
			.headers((headers) -> headers.addAll(request.headers()));
		if (request.principal() != null) {
			builder.principal(request.principal());
		}
		MockHttpServletResponse response = builder.exchange().getResponse();
		HttpHeaders headers = new HttpHeaders();
		response.getHeaderNames().forEach((name) -> headers.put(name, response.getHeaders(name)));
		try {
			return new Response(response.getStatus(), headers, response.getContentAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
