package dev.webpubsub.spring.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads and verifies the HS256 bearer tokens of recorded requests.
 */
final class BearerTokens {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private BearerTokens() {
	}

	/**
	 * Checks the signature of the request's bearer token with the key (UTF-8 bytes) and returns its claims.
	 */
	static JsonNode verifiedClaims(CaptureServer.RecordedRequest request, String accessKey) throws Exception {
		String authorization = request.header("Authorization");
		assertThat(authorization).startsWith("Bearer ");
		String[] parts = authorization.substring("Bearer ".length()).split("\\.");
		assertThat(parts).hasSize(3);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(accessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2])))
			.as("token signature verifies with the access key")
			.isTrue();
		return mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
	}

	/**
	 * Returns the full URL of a recorded request as the client addressed it.
	 */
	static String requestUrl(CaptureServer server, CaptureServer.RecordedRequest request) {
		return server.endpoint() + request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
	}

}
