package dev.webpubsub.spring.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.webpubsub.spring.test.WebPubSubEventBuilder;

/**
 * Webhook endpoint behaviour in a Spring WebFlux application, through WebTestClient.
 */
@SpringBootTest(classes = WebhookTestConfiguration.class, properties = "spring.main.web-application-type=reactive")
class ReactiveWebhookEndpointTests extends AbstractWebhookEndpointTests {

	@Autowired
	ApplicationContext context;

	WebTestClient client;

	@BeforeEach
	void createClient() {
		this.client = WebTestClient.bindToApplicationContext(this.context).build();
	}

	@Override
	Response send(WebPubSubEventBuilder event) {
		EntityExchangeResult<byte[]> result = event.exchange(this.client).expectBody(byte[].class).returnResult();
		byte[] body = result.getResponseBody();
		return new Response(result.getStatus().value(), result.getResponseHeaders(),
				(body != null) ? body : new byte[0]);
	}

}
