package dev.webpubsub.sample;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PresenceRegistryTests {

	private final PresenceRegistry presence = new PresenceRegistry();

	private final List<List<String>> published = new ArrayList<>();

	@Test
	void publishesSortedUsersOnEveryChange() {
		this.presence.connected("c1", "bob", this.published::add);
		this.presence.connected("c2", "alice", this.published::add);
		this.presence.disconnected("c1", this.published::add);
		assertThat(this.published).containsExactly(List.of("bob"), List.of("alice", "bob"), List.of("alice"));
	}

	@Test
	void userStaysOnlineWhileAnotherConnectionIsOpen() {
		this.presence.connected("c1", "alice", this.published::add);
		this.presence.connected("c2", "alice", this.published::add);
		this.presence.disconnected("c1", this.published::add);
		assertThat(this.presence.users()).containsExactly("alice");
		this.presence.disconnected("c2", this.published::add);
		assertThat(this.presence.users()).isEmpty();
		assertThat(this.published).containsExactly(List.of("alice"), List.of("alice"), List.of("alice"), List.of());
	}

	@Test
	void unknownConnectionLeavesUsersUnchanged() {
		this.presence.connected("c1", "alice", this.published::add);
		this.presence.disconnected("unknown", this.published::add);
		assertThat(this.published).last().isEqualTo(List.of("alice"));
	}

}
