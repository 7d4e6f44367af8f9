package dev.webpubsub.spring.template;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REST tokens of access-key connections and their cache.
 */
class AccessKeyAuthenticatorTests {

	private static final String URL = "http://127.0.0.1:8080/api/hubs/chat/:send?api-version=2024-12-01";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T20:00:00Z"));

	private final AccessKeyAuthenticator authenticator = new AccessKeyAuthenticator("key", this.clock);

	@Test
	void signsTheRequestUrlAsAudienceWithExpiryAndIssueTime() {
		JsonNode claims = claims(this.authenticator.token(URL));
		assertThat(claims.get("aud").asString()).isEqualTo(URL);
		assertThat(claims.get("iat").asLong()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(claims.get("exp").asLong())
			.isEqualTo(this.clock.instant().plus(Duration.ofHours(1)).getEpochSecond());
	}

	@Test
	void reusesTheTokenOfAnAudienceUntilFiveMinutesBeforeItExpires() {
		String first = this.authenticator.token(URL);
		this.clock.advance(Duration.ofMinutes(54));
		assertThat(this.authenticator.token(URL)).isSameAs(first);
		this.clock.advance(Duration.ofMinutes(1));
		String renewed = this.authenticator.token(URL);
		assertThat(renewed).isNotEqualTo(first);
		assertThat(claims(renewed).get("exp").asLong())
			.isEqualTo(this.clock.instant().plus(Duration.ofHours(1)).getEpochSecond());
	}

	@Test
	void signsEachAudienceSeparately() {
		String send = this.authenticator.token(URL);
		String other = this.authenticator.token(URL + "&filter=x");
		assertThat(claims(other).get("aud").asString()).endsWith("&filter=x");
		assertThat(send).isNotEqualTo(other);
	}

	@Test
	void boundsTheCache() {
		for (int i = 0; i < AccessKeyAuthenticator.MAX_CACHED_TOKENS * 2; i++) {
			this.authenticator.token(URL + "&excluded=" + i);
		}
		assertThat(this.authenticator.cachedTokens()).isLessThanOrEqualTo(AccessKeyAuthenticator.MAX_CACHED_TOKENS);
	}

	private static JsonNode claims(String token) {
		String payload = token.split("\\.")[1];
		return JsonMapper.builder()
			.build()
			.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
