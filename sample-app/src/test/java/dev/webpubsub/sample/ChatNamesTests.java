package dev.webpubsub.sample;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChatNamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "a", "alice", "Bob-2", "under_score", "12345678901234567890123456789012" })
	void acceptsOneToThirtyTwoLettersDigitsDashesAndUnderscores(String name) {
		assertThat(ChatNames.isValid(name)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "123456789012345678901234567890123", "al ice", "alice!", "a.b", "al/ice", "ålice",
			"alice\n" })
	void refusesAnythingElse(String name) {
		assertThat(ChatNames.isValid(name)).isFalse();
	}

}
