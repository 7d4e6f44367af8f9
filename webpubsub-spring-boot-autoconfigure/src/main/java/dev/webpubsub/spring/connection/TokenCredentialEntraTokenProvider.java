package dev.webpubsub.spring.connection;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

/**
 * {@link EntraTokenProvider} backed by an azure-identity {@link TokenCredential}. Tokens are cached and reused
 * until five minutes before they expire, so that a busy application asks the identity endpoint rarely.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class TokenCredentialEntraTokenProvider implements EntraTokenProvider {

	private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

	private final TokenCredential credential;

	private final TokenRequestContext context = new TokenRequestContext().addScopes(SCOPE);

	private final Mono<AccessToken> cached;

	/**
	 * Creates a provider for the given credential.
	 * @param credential the credential that issues tokens
	 */
	public TokenCredentialEntraTokenProvider(TokenCredential credential) {
		this.credential = credential;
		this.cached = Mono.defer(() -> this.credential.getToken(this.context))
			.cacheInvalidateIf(TokenCredentialEntraTokenProvider::expiresSoon);
	}

	private static boolean expiresSoon(AccessToken token) {
		OffsetDateTime expiresAt = token.getExpiresAt();
		return expiresAt == null || expiresAt.minus(REFRESH_BEFORE_EXPIRY).isBefore(OffsetDateTime.now());
	}

	/**
	 * Returns the credential that this provider asks for tokens.
	 * @return the credential
	 */
	public TokenCredential getCredential() {
		return this.credential;
	}

	@Override
	public Mono<String> getToken() {
		return this.cached.map(AccessToken::getToken);
	}

}
