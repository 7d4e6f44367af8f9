package dev.webpubsub.spring.connection;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenCredentialEntraTokenProvider}.
 */
class TokenCredentialEntraTokenProviderTests {

	private final ScriptedCredential credential = new ScriptedCredential();

	private final TokenCredentialEntraTokenProvider provider = new TokenCredentialEntraTokenProvider(this.credential);

	@Test
	void asksForTheWebPubSubScope() {
		this.credential.answer(token("one", Duration.ofHours(1)));
		StepVerifier.create(this.provider.getToken()).expectNext("one").verifyComplete();
		assertThat(this.credential.scopes).containsExactly(List.of("https://webpubsub.azure.com/.default"));
	}

	@Test
	void reusesATokenThatIsFarFromExpiry() {
		this.credential.answer(token("one", Duration.ofHours(1))).answer(token("two", Duration.ofHours(1)));
		StepVerifier.create(this.provider.getToken()).expectNext("one").verifyComplete();
		StepVerifier.create(this.provider.getToken()).expectNext("one").verifyComplete();
		assertThat(this.credential.scopes).hasSize(1);
	}

	@Test
	void refreshesATokenThatExpiresWithinFiveMinutes() {
		this.credential.answer(token("one", Duration.ofMinutes(4))).answer(token("two", Duration.ofHours(1)));
		StepVerifier.create(this.provider.getToken()).expectNext("one").verifyComplete();
		StepVerifier.create(this.provider.getToken()).expectNext("two").verifyComplete();
		StepVerifier.create(this.provider.getToken()).expectNext("two").verifyComplete();
		assertThat(this.credential.scopes).hasSize(2);
	}

	@Test
	void doesNotKeepAFailure() {
		this.credential.answer(Mono.error(new IllegalStateException("identity endpoint down")))
			.answer(token("one", Duration.ofHours(1)));
		StepVerifier.create(this.provider.getToken()).verifyErrorMessage("identity endpoint down");
		StepVerifier.create(this.provider.getToken()).expectNext("one").verifyComplete();
	}

	private static Mono<AccessToken> token(String value, Duration expiresIn) {
		return Mono.just(new AccessToken(value, OffsetDateTime.now().plus(expiresIn)));
	}

	private static final class ScriptedCredential implements TokenCredential {

		private final Deque<Mono<AccessToken>> answers = new ArrayDeque<>();

		private final List<List<String>> scopes = new ArrayList<>();

		ScriptedCredential answer(Mono<AccessToken> answer) {
			this.answers.add(answer);
			return this;
		}

		@Override
		public Mono<AccessToken> getToken(TokenRequestContext request) {
			this.scopes.add(List.copyOf(request.getScopes()));
			return this.answers.remove();
		}

	}

}
