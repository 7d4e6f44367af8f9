package dev.webpubsub.spring.connection;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HubName}.
 */
class HubNameTests {

	@Test
	void acceptsNamesOfTheServicePattern() {
		for (String hub : List.of("a", "Chat_Hub1", "h`,.[]", "a".repeat(128))) {
			assertThat(HubName.isValid(hub)).isTrue();
			assertThat(HubName.requireValid(hub, "hub")).isEqualTo(hub);
		}
	}

	@Test
	void rejectsOtherNames() {
		for (String hub : List.of("", "1hub", "_hub", "hub/x", "../x", "h u b", "hub?x", "hüb", "a".repeat(129))) {
			assertThat(HubName.isValid(hub)).isFalse();
			assertThatIllegalArgumentException().isThrownBy(() -> HubName.requireValid(hub, "hub"))
				.withMessage("'hub' must start with a letter and contain at most 128 letters, digits and characters "
						+ "_`,.[] but was '" + hub + "'");
		}
		assertThat(HubName.isValid(null)).isFalse();
	}

	@Test
	void namesTheArgumentOrPropertyInTheError() {
		assertThatIllegalArgumentException().isThrownBy(() -> HubName.requireValid(null, "WebPubSubHub"))
			.withMessageStartingWith("'WebPubSubHub' must start with a letter")
			.withMessageEndingWith("but was null");
	}

}
