package dev.webpubsub.spring.handler;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.connection.WebPubSubConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vectors of the extension's {@code RequestValidatorTests.cs} (reference-behaviour.md §2.2).
 */
class RequestValidatorTests {

	private final RequestValidator validator = new RequestValidator(
			List.of(WebPubSubConnection.withAccessKey("c", URI.create("https://abc"), "test-access-key")));

	@Test
	void withoutConnectionsEverythingPasses() {
		RequestValidator empty = new RequestValidator(List.of());
		assertThat(empty.isValidSignature(List.of("abc"), "sha256=anything", "connectionId")).isTrue();
	}

	@Test
	void findsTheOriginThatIsAConnectionHost() {
		assertThat(this.validator.findAllowedOrigin(List.of("zzz", "abc"))).hasValue("abc");
		assertThat(this.validator.findAllowedOrigin(List.of("zzz"))).isEmpty();
	}

	@Test
	void acceptsComputedSignatures() {
		assertThat(this.validator.isValidSignature(List.of("abc"),
				"sha256=e6f4c4743d52abcab6a0c47c66eab32d72b5f81ea3b3389a66fdae400fe7b067", "connectionId"))
			.isTrue();
		assertThat(this.validator.isValidSignature(List.of("abc"),
				"sha256=490e9b5be17f975a20ed5c3f36a0e8704fc74b742eea283e65229086ee253dec", "cid"))
			.isTrue();
	}

	@Test
	void rejectsUnknownOrMissingOrigin() {
		String valid = "sha256=e6f4c4743d52abcab6a0c47c66eab32d72b5f81ea3b3389a66fdae400fe7b067";
		assertThat(this.validator.isValidSignature(List.of(), valid, "connectionId")).isFalse();
		assertThat(this.validator.isValidSignature(List.of("zzz"), valid, "connectionId")).isFalse();
	}

	@Test
	void rejectsMissingOrWrongSignature() {
		assertThat(this.validator.isValidSignature(List.of("abc"), null, "connectionId")).isFalse();
		assertThat(this.validator.isValidSignature(List.of("abc"), "", "connectionId")).isFalse();
		assertThat(this.validator.isValidSignature(List.of("abc"), "sha256=deadbeef", "connectionId")).isFalse();
	}

	@Test
	void identityBasedConnectionAcceptsAnySignatureFromItsHost() {
		RequestValidator identity = new RequestValidator(List.of(
				WebPubSubConnection.withEntraId("c", URI.create("https://abc"), () -> Mono.just("token"))));
		assertThat(identity.isValidSignature(List.of("abc"), "sha256=bogus", "connectionId")).isTrue();
		assertThat(identity.isValidSignature(List.of("zzz"), "sha256=bogus", "connectionId")).isFalse();
	}

	@Test
	void originHostsAreComparedCaseInsensitively() {
		assertThat(this.validator.findAllowedOrigin(List.of("ABC"))).hasValue("ABC");
	}

	@Test
	void originListIsSplitOnCommasAndSpaces() {
		assertThat(CloudEventHeaders.splitList("a,b")).containsExactly("a", "b");
		assertThat(CloudEventHeaders.splitList("a, b c")).containsExactly("a", "b", "c");
		assertThat(CloudEventHeaders.splitList(null)).isEmpty();
	}

}
