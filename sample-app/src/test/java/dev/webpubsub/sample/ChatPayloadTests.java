package dev.webpubsub.sample;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ChatPayloadTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void writesOnlyTheFieldsOfEachType() {
		assertThat(json(ChatPayload.system("alice joined"))).isEqualTo("{\"type\":\"system\",\"text\":\"alice joined\"}");
		assertThat(json(ChatPayload.chat("alice", "hello")))
			.isEqualTo("{\"type\":\"chat\",\"from\":\"alice\",\"text\":\"hello\"}");
		assertThat(json(ChatPayload.privateMessage("alice", "bob", "psst")))
			.isEqualTo("{\"type\":\"private\",\"from\":\"alice\",\"to\":\"bob\",\"text\":\"psst\"}");
		assertThat(json(ChatPayload.room("games", "alice", "gg")))
			.isEqualTo("{\"type\":\"room\",\"room\":\"games\",\"from\":\"alice\",\"text\":\"gg\"}");
		assertThat(json(ChatPayload.presence(List.of("alice", "bob"))))
			.isEqualTo("{\"type\":\"presence\",\"users\":[\"alice\",\"bob\"]}");
		assertThat(json(ChatPayload.ack())).isEqualTo("{\"type\":\"ack\"}");
		assertThat(json(ChatPayload.error("Empty message"))).isEqualTo("{\"type\":\"error\",\"text\":\"Empty message\"}");
	}

	@Test
	void writesEmptyPresenceList() {
		assertThat(json(ChatPayload.presence(List.of()))).isEqualTo("{\"type\":\"presence\",\"users\":[]}");
	}

	private String json(ChatPayload payload) {
		return this.jsonMapper.writeValueAsString(payload);
	}

}
