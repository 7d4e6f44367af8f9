package dev.webpubsub.spring.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.webpubsub.spring.test.WebPubSubEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint of a Spring WebFlux application on Reactor Netty whose handlers may block.
 */
@SpringBootTest(classes = ReactiveBlockingHandlersWebhookServerTests.ServerConfiguration.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "webpubsub.event-handler.blocking-handlers=true" })
class ReactiveBlockingHandlersWebhookServerTests extends AbstractWebhookServerTests {

	@Test
	void runsHandlersThatReturnPlainValuesOnTheBoundedElasticScheduler() throws Exception {
		HttpResponse<byte[]> response = send(
				WebPubSubEvents.userEvent("testhub", "thread").signedWith(AbstractWebhookEndpointTests.KEY).text("x"),
				null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body())).startsWith("may block boundedElastic-");
	}

	@Configuration(proxyBeanMethods = false)
	@Import(WebhookTestConfiguration.class)
	@ImportAutoConfiguration(NettyReactiveWebServerAutoConfiguration.class)
	static class ServerConfiguration {

	}

}
