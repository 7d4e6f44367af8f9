package dev.webpubsub.spring.token;

import java.security.Principal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NegotiatePolicy} and the default {@link WebPubSubUserIdResolver}.
 */
class NegotiatePolicyTests {

	private final NegotiatePolicy policy = new NegotiatePolicy("chat", () -> Set.of("Lobby", "news"),
			WebPubSubUserIdResolver.principalName(), List.of());

	private static NegotiateRequest request(@Nullable Principal principal, String... query) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		for (int i = 0; i < query.length; i += 2) {
			parameters.add(query[i], query[i + 1]);
		}
		return new NegotiateRequest(principal, parameters, new HttpHeaders());
	}

	@Test
	void usesTheDefaultHubWithoutHubParameter() {
		assertThat(this.policy.apply(request(null)).hub()).isEqualTo("chat");
	}

	@Test
	void acceptsServedHubsIgnoringCaseAndUsesTheirConfiguredSpelling() {
		assertThat(this.policy.apply(request(null, "hub", "lobby")).hub()).isEqualTo("Lobby");
		assertThat(this.policy.apply(request(null, "hub", "NEWS")).hub()).isEqualTo("news");
		assertThat(this.policy.apply(request(null, "hub", "Chat")).hub()).isEqualTo("chat");
	}

	@Test
	void rejectsHubsTheApplicationDoesNotServe() {
		for (String hub : List.of("other", "../x", "", "chat/../x", "a".repeat(10_000))) {
			assertThatExceptionOfType(InvalidNegotiateRequestException.class)
				.isThrownBy(() -> this.policy.apply(request(null, "hub", hub)))
				.withMessage("Parameter 'hub' does not name a hub of this application");
		}
	}

	@Test
	void rejectsARepeatedHubParameter() {
		assertThatExceptionOfType(InvalidNegotiateRequestException.class)
			.isThrownBy(() -> this.policy.apply(request(null, "hub", "chat", "hub", "news")))
			.withMessage("Parameter 'hub' must be given once");
	}

	@Test
	void requiresTheHubParameterWithoutDefaultHub() {
		NegotiatePolicy withoutDefault = new NegotiatePolicy(null, Set::of, WebPubSubUserIdResolver.principalName(),
				List.of());
		assertThatExceptionOfType(InvalidNegotiateRequestException.class)
			.isThrownBy(() -> withoutDefault.apply(request(null)))
			.withMessage("Parameter 'hub' is required");
	}

	@Test
	void asksForServedHubsOnEveryRequest() {
		Set<String> hubs = new HashSet<>();
		NegotiatePolicy dynamic = new NegotiatePolicy(null, () -> hubs, WebPubSubUserIdResolver.principalName(),
				List.of());
		assertThatExceptionOfType(InvalidNegotiateRequestException.class)
			.isThrownBy(() -> dynamic.apply(request(null, "hub", "late")));
		hubs.add("late");
		assertThat(dynamic.apply(request(null, "hub", "late")).hub()).isEqualTo("late");
	}

	@Test
	void usesThePrincipalNameAsUserId() {
		assertThat(this.policy.apply(request(() -> "alice")).userId()).isEqualTo("alice");
		assertThat(this.policy.apply(request(new UsernamePasswordAuthenticationToken("bob", null,
				AuthorityUtils.createAuthorityList("ROLE_USER")))).userId()).isEqualTo("bob");
	}

	@Test
	void leavesAnonymousRequestsWithoutUserId() {
		assertThat(this.policy.apply(request(null)).userId()).isNull();
		assertThat(this.policy.apply(request(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).userId()).isNull();
		assertThat(this.policy.apply(request(() -> " ")).userId()).isNull();
	}

	@Test
	void ignoresAClientSuppliedUserIdByDefault() {
		assertThat(this.policy.apply(request(null, "userId", "admin")).userId()).isNull();
		assertThat(this.policy.apply(request(() -> "alice", "userId", "admin")).userId()).isEqualTo("alice");
	}

	@Test
	void usesTheApplicationsResolver() {
		NegotiatePolicy trusting = new NegotiatePolicy("chat", Set::of,
				(request) -> Optional.ofNullable(request.queryParameter("userId")), List.of());
		assertThat(trusting.apply(request(null, "userId", "demo")).userId()).isEqualTo("demo");
		assertThat(trusting.apply(request(null, "userId", "")).userId()).isNull();
	}

	@Test
	void appliesCustomizersInOrder() {
		NegotiateTokenCustomizer defaults = (request, options) -> options.withRoles(List.of("webpubsub.joinLeaveGroup"))
			.withLifetime(Duration.ofMinutes(5));
		NegotiateTokenCustomizer perUser = (request, options) -> (options.userId() != null)
				? options.withGroups(List.of("user-" + options.userId())) : options;
		NegotiatePolicy customized = new NegotiatePolicy("chat", Set::of, WebPubSubUserIdResolver.principalName(),
				List.of(defaults, perUser));
		ClientAccessOptions options = customized.apply(request(() -> "alice"));
		assertThat(options.roles()).containsExactly("webpubsub.joinLeaveGroup");
		assertThat(options.groups()).containsExactly("user-alice");
		assertThat(options.lifetime()).isEqualTo(Duration.ofMinutes(5));
		assertThat(customized.apply(request(null)).groups()).isEmpty();
	}

	@Test
	void givesCustomizersAReadOnlyRequest() {
		NegotiateRequest request = request(null, "a", "b");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> request.queryParameters().add("hub", "x"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> request.headers().add("x", "y"));
	}

}
