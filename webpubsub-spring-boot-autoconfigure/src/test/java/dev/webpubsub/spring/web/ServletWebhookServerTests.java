package dev.webpubsub.spring.web;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The webhook endpoint of a Spring MVC application on Tomcat.
 */
@SpringBootTest(classes = ServletWebhookServerTests.ServerConfiguration.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
class ServletWebhookServerTests extends AbstractWebhookServerTests {

	@Configuration(proxyBeanMethods = false)
	@Import(WebhookTestConfiguration.class)
	@ImportAutoConfiguration(TomcatServletWebServerAutoConfiguration.class)
	static class ServerConfiguration {

	}

}
