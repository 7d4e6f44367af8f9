package dev.webpubsub.spring.web;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The webhook endpoint of a Spring WebFlux application on Reactor Netty.
 */
@SpringBootTest(classes = ReactiveWebhookServerTests.ServerConfiguration.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
class ReactiveWebhookServerTests extends AbstractWebhookServerTests {

	@Configuration(proxyBeanMethods = false)
	@Import(WebhookTestConfiguration.class)
	@ImportAutoConfiguration(NettyReactiveWebServerAutoConfiguration.class)
	static class ServerConfiguration {

	}

}
