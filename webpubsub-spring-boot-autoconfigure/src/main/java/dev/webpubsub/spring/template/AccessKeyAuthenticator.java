package dev.webpubsub.spring.template;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import dev.webpubsub.spring.token.Hs256JwtSigner;
import dev.webpubsub.spring.token.JsonClaims;

/**
 * {@link RequestAuthenticator} of an access-key connection: an HS256 token whose {@code aud} is the full request
 * URL (as the official SDKs send it), with {@code exp} and {@code iat}. Signing is cheap but not free, and an
 * application sends the same few requests over and over, so a token is reused for the same audience until five
 * minutes before it expires. The cache is bounded: expired entries go first, then everything.
 *
 * @author Web PubSub for Spring Boot team
 */
final class AccessKeyAuthenticator implements RequestAuthenticator {

	static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

	static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

	static final int MAX_CACHED_TOKENS = 1024;

	private final Hs256JwtSigner signer;

	private final Clock clock;

	private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

	AccessKeyAuthenticator(String accessKey, Clock clock) {
		this.signer = new Hs256JwtSigner(accessKey);
		this.clock = clock;
	}

	@Override
	public Mono<String> bearerToken(URI url) {
		return Mono.fromSupplier(() -> token(url.toString()));
	}

	String token(String audience) {
		Instant now = this.clock.instant();
		CachedToken cached = this.tokens.get(audience);
		if (cached != null && now.isBefore(cached.refreshAt())) {
			return cached.token();
		}
		if (this.tokens.size() >= MAX_CACHED_TOKENS) {
			this.tokens.values().removeIf((token) -> !now.isBefore(token.refreshAt()));
			if (this.tokens.size() >= MAX_CACHED_TOKENS) {
				this.tokens.clear();
			}
		}
		long issuedAt = now.getEpochSecond();
		String token = this.signer.sign(new JsonClaims().add("aud", audience)
			.add("exp", issuedAt + TOKEN_LIFETIME.toSeconds())
			.add("iat", issuedAt)
			.toJson());
		this.tokens.put(audience, new CachedToken(token, now.plus(TOKEN_LIFETIME).minus(REFRESH_BEFORE_EXPIRY)));
		return token;
	}

	int cachedTokens() {
		return this.tokens.size();
	}

	private record CachedToken(String token, Instant refreshAt) {

	}

}
