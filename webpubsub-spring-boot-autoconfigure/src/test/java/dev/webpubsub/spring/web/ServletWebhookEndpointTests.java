package dev.webpubsub.spring.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.webpubsub.spring.test.WebPubSubEventBuilder;

/**
 * Webhook endpoint behaviour in a Spring MVC application, through MockMvc.
 */
@SpringBootTest(classes = WebhookTestConfiguration.class, properties = "spring.main.web-application-type=servlet")
class ServletWebhookEndpointTests extends AbstractWebhookEndpointTests {

	@Autowired
	WebApplicationContext context;

	MockMvc mockMvc;

	@BeforeEach
	void createMockMvc() {
		this.mockMvc = MockMvcBuilders.webAppContextSetup(this.context).build();
	}

	@Override
	Response send(WebPubSubEventBuilder event) {
		try {
			MvcResult result = this.mockMvc.perform(event.toMockMvc()).andReturn();
			if (result.getRequest().isAsyncStarted()) {
				result = this.mockMvc.perform(MockMvcRequestBuilders.asyncDispatch(result)).andReturn();
			}
			MockHttpServletResponse response = result.getResponse();
			HttpHeaders headers = new HttpHeaders();
			response.getHeaderNames()
				.forEach((name) -> headers.put(name, java.util.List.copyOf(response.getHeaders(name))));
			return new Response(response.getStatus(), headers, response.getContentAsByteArray());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
