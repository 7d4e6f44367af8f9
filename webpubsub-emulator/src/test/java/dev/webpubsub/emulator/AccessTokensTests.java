package dev.webpubsub.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Token validation at the edges of the service's rules, with a fixed clock.
 */
class AccessTokensTests {

	private static final String KEY = "key";

	private static final long NOW = 1_700_000_000L;

	private static final String AUD = "http://localhost:8080/client/hubs/chat";

	private final AccessTokens tokens = new AccessTokens(KEY, JsonMapper.builder().build(),
			Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

	@Test
	void toleratesFiveMinutesOfSkewOnExpiry() {
		assertThat(validate("{\"aud\":\"" + AUD + "\",\"exp\":" + (NOW - 300) + "}")).isNotNull();
		assertThatExceptionOfType(AccessTokens.InvalidTokenException.class)
			.isThrownBy(() -> validate("{\"aud\":\"" + AUD + "\",\"exp\":" + (NOW - 301) + "}"))
			.withMessage("The access token has expired");
	}

	@Test
	void toleratesFiveMinutesOfSkewOnNotBefore() {
		long exp = NOW + 3600;
		assertThat(validate("{\"aud\":\"" + AUD + "\",\"exp\":" + exp + ",\"nbf\":" + (NOW + 300) + "}")).isNotNull();
		assertThatExceptionOfType(AccessTokens.InvalidTokenException.class)
			.isThrownBy(() -> validate("{\"aud\":\"" + AUD + "\",\"exp\":" + exp + ",\"nbf\":" + (NOW + 301) + "}"))
			.withMessage("The access token is not valid yet");
	}

	@Test
	void matchesAudiencesCaseInsensitivelyAndInArrays() {
		long exp = NOW + 60;
		assertThat(validate("{\"aud\":\"" + AUD.toUpperCase() + "\",\"exp\":" + exp + "}")).isNotNull();
		assertThat(validate("{\"aud\":[\"http://elsewhere\",\"" + AUD + "\"],\"exp\":" + exp + "}")).isNotNull();
		assertThatExceptionOfType(AccessTokens.InvalidTokenException.class)
			.isThrownBy(() -> validate("{\"aud\":\"http://elsewhere\",\"exp\":" + exp + "}"))
			.withMessage("The access token audience does not match the request URL");
	}

	@Test
	void rejectsOtherAlgorithmsAndMalformedTokensWithoutEchoingThem() {
		String none = TestTokens.unsigned("{\"aud\":\"" + AUD + "\",\"exp\":" + (NOW + 60) + "}");
		assertThatExceptionOfType(AccessTokens.InvalidTokenException.class)
			.isThrownBy(() -> this.tokens.validate(none, List.of(AUD)))
			.withMessage("The access token must be signed with HS256");
		assertThatExceptionOfType(AccessTokens.InvalidTokenException.class)
			.isThrownBy(() -> this.tokens.validate("secret.%%%.x", List.of(AUD)))
			.withMessageNotContaining("secret");
	}

	private Object validate(String claims) {
		return this.tokens.validate(TestTokens.sign(KEY, claims), List.of(AUD));
	}

}
