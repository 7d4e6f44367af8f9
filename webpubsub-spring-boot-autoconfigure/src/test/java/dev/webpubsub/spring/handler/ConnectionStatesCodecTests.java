package dev.webpubsub.spring.handler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConnectionStatesCodecTests {

	/**
	 * reference-behaviour.md §1.9: {aKey:"aValue"(raw), bKey:123, cKey:"aValue"(object)} in the .NET encoding.
	 */
	static final String DOT_NET_VECTOR = "eyJhS2V5IjoiWVZaaGJIVmwiLCJiS2V5IjoiTVRJeiIsImNLZXkiOiJJbUZXWVd4MVpTST0ifQ==";

	private final ConnectionStatesCodec codec = new ConnectionStatesCodec(JsonMapper.builder().build());

	@Test
	void encodesDotNetVector() {
		Map<String, byte[]> states = new LinkedHashMap<>();
		states.put("aKey", utf8("aValue"));
		states.put("bKey", utf8("123"));
		states.put("cKey", utf8("\"aValue\""));
		assertThat(this.codec.encode(states)).isEqualTo(DOT_NET_VECTOR);
	}

	@Test
	void encodesRawBytesAsBase64Vector() {
		// reference-behaviour.md §2.7: state bytes {1,2,3} serialise as "AQID".
		String header = this.codec.encode(Map.of("k", new byte[] { 1, 2, 3 }));
		assertThat(new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8)).isEqualTo("{\"k\":\"AQID\"}");
	}

	@Test
	void decodesDotNetVector() {
		Map<String, byte[]> states = this.codec.decode(DOT_NET_VECTOR);
		assertThat(states).containsOnlyKeys("aKey", "bKey", "cKey");
		assertThat(states.get("aKey")).asString(StandardCharsets.UTF_8).isEqualTo("aValue");
		assertThat(states.get("bKey")).asString(StandardCharsets.UTF_8).isEqualTo("123");
		assertThat(states.get("cKey")).asString(StandardCharsets.UTF_8).isEqualTo("\"aValue\"");
	}

	@Test
	void decodesJsExpressVectorWithArrayValue() {
		// reference-behaviour.md §2.8: base64('{"key1":["val3"],"key2":"val2","key3":""}')
		Map<String, byte[]> states = this.codec.decode("eyJrZXkxIjpbInZhbDMiXSwia2V5MiI6InZhbDIiLCJrZXkzIjoiIn0=");
		assertThat(states.get("key1")).asString(StandardCharsets.UTF_8).isEqualTo("[\"val3\"]");
		assertThat(states.get("key2")).asString(StandardCharsets.UTF_8).isEqualTo("val2");
		assertThat(states.get("key3")).isEmpty();
	}

	@Test
	void decodesJsExpressVectorWithStringValuesThatLookLikeBase64() {
		// "val3" and "val2" are valid base64, but their bytes are not UTF-8, so the object is the JS form.
		Map<String, byte[]> states = this.codec.decode("eyJrZXkxIjoidmFsMyIsImtleTIiOiJ2YWwyIiwia2V5MyI6IiJ9");
		assertThat(states.get("key1")).asString(StandardCharsets.UTF_8).isEqualTo("val3");
		assertThat(states.get("key2")).asString(StandardCharsets.UTF_8).isEqualTo("val2");
	}

	@Test
	void decodesRoundTrip() {
		Map<String, byte[]> states = Map.of("counter", utf8("41"), "emoji", utf8("\u2603"));
		Map<String, byte[]> decoded = this.codec.decode(this.codec.encode(states));
		assertThat(decoded.get("counter")).isEqualTo(utf8("41"));
		assertThat(decoded.get("emoji")).isEqualTo(utf8("\u2603"));
	}

	@Test
	void emptyHeaderMeansNoStates() {
		assertThat(this.codec.decode("")).isEmpty();
		assertThat(this.codec.decode(null)).isEmpty();
	}

	@Test
	void rejectsHeaderThatIsNotBase64() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode("%%%"))
			.withMessage("Header ce-connectionState is not base64-encoded JSON");
	}

	@Test
	void rejectsHeaderThatIsNotAJsonObject() {
		String array = Base64.getEncoder().encodeToString(utf8("[1,2]"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(array))
			.withMessage("Header ce-connectionState does not hold a JSON object");
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
