package dev.webpubsub.spring.token;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims JSON written by hand, read back with Jackson.
 */
class JsonClaimsTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "", "alice", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab", "\u0000\u0001\u001f",
			"\"", "\\", "trailing \"", "ünïcödé 😀", "a\"b\\c\u0007d" })
	void writesStringsThatJsonReadsBackUnchanged(String value) {
		String json = new JsonClaims().add("sub", value).add("role", List.of(value, "x" + value)).toJson();
		JsonNode claims = this.jsonMapper.readTree(json);
		assertThat(claims.get("sub").asString()).isEqualTo(value);
		assertThat(claims.get("role").get(0).asString()).isEqualTo(value);
		assertThat(claims.get("role").get(1).asString()).isEqualTo("x" + value);
	}

	@Test
	void writesClaimsInOrder() {
		assertThat(new JsonClaims().add("aud", "https://host/client/hubs/chat")
			.add("iat", 1)
			.add("exp", 3601)
			.add("role", List.of())
			.toJson()).isEqualTo("{\"aud\":\"https://host/client/hubs/chat\",\"iat\":1,\"exp\":3601,\"role\":[]}");
	}

}
