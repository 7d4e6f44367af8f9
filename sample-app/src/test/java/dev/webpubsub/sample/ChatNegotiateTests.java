package dev.webpubsub.sample;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sample's negotiate endpoint: the demo resolver puts the {@code userId} query parameter into the token.
 */
@SpringBootTest(properties = "WebPubSubConnectionString=Endpoint=https://chat.webpubsub.example;AccessKey="
		+ ChatNegotiateTests.ACCESS_KEY + ";Version=1.0;")
@AutoConfigureMockMvc
class ChatNegotiateTests {

	static final String ACCESS_KEY = "c2FtcGxlLWNoYXQtbmVnb3RpYXRlLWtleS0wMTIzNDU=";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Autowired
	private MockMvc mockMvc;

	@Test
	void tokenCarriesUserIdFromQueryParameter() throws Exception {
		JsonNode negotiated = negotiate("/negotiate?userId=alice");
		assertThat(negotiated.get("url").asString())
			.startsWith("wss://chat.webpubsub.example/client/hubs/chat?access_token=");
		assertThat(claims(negotiated).get("sub").asString()).isEqualTo("alice");
	}

	@Test
	void tokenWithoutUserIdIsAnonymous() throws Exception {
		assertThat(claims(negotiate("/negotiate")).has("sub")).isFalse();
	}

	private JsonNode negotiate(String path) throws Exception {
		String body = this.mockMvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.jsonMapper.readTree(body);
	}

	private JsonNode claims(JsonNode negotiated) {
		String payload = negotiated.get("accessToken").asString().split("\\.")[1];
		return this.jsonMapper.readTree(Base64.getUrlDecoder().decode(payload));
	}

}
