package dev.webpubsub.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.webpubsub.spring.template.WebPubSubException;
import dev.webpubsub.spring.template.WebPubSubMessage;
import dev.webpubsub.spring.template.WebPubSubOperations;
import dev.webpubsub.spring.test.WebPubSubEventBuilder;
import dev.webpubsub.spring.test.WebPubSubEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sends the chat's handlers the events the service sends, signed as the service signs them, and checks the
 * answers and what the handlers send through the template (a mock: the service is the boundary here; the browser
 * test runs the same handlers against the emulator).
 */
@SpringBootTest(properties = "WebPubSubConnectionString=" + ChatEventHandlersTests.CONNECTION_STRING)
@AutoConfigureMockMvc
class ChatEventHandlersTests {

	static final String CONNECTION_STRING = "Endpoint=https://chat.webpubsub.example;"
			+ "AccessKey=c2FtcGxlLWNoYXQtdGVzdC1rZXktMDEyMzQ1Njc4OQ==;Version=1.0;";

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private WebPubSubOperations webPubSub;

	@Test
	void connectWithValidUserIdJoinsLobby() throws Exception {
		this.mockMvc.perform(signed(WebPubSubEvents.connect("chat").userId("alice")))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"groups\":[\"lobby\"]}", true));
	}

	@Test
	void connectWithoutUserIdIsRejected() throws Exception {
		this.mockMvc.perform(signed(WebPubSubEvents.connect("chat")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Missing user id")));
	}

	@Test
	void connectWithInvalidUserIdIsRejected() throws Exception {
		this.mockMvc.perform(signed(WebPubSubEvents.connect("chat").userId("alice smith")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Invalid user id: use 1-32 letters, digits, - or _")));
	}

	@Test
	void connectedAnnouncesUserThenPresence() throws Exception {
		this.mockMvc.perform(signed(WebPubSubEvents.connected("chat").userId("bob").connectionId("c-bob")))
			.andExpect(status().is2xxSuccessful());
		this.mockMvc.perform(signed(WebPubSubEvents.connected("chat").userId("alice").connectionId("c-alice")))
			.andExpect(status().is2xxSuccessful());
		var order = inOrder(this.webPubSub);
		order.verify(this.webPubSub).sendToAll(json(ChatPayload.system("bob joined")));
		order.verify(this.webPubSub).sendToAll(json(ChatPayload.presence(List.of("bob"))));
		order.verify(this.webPubSub).sendToAll(json(ChatPayload.system("alice joined")));
		order.verify(this.webPubSub).sendToAll(json(ChatPayload.presence(List.of("alice", "bob"))));
	}

	@Test
	void disconnectedAnnouncesUserThenPresence() throws Exception {
		this.mockMvc.perform(signed(WebPubSubEvents.connected("chat").userId("alice").connectionId("c-alice")));
		this.mockMvc.perform(signed(WebPubSubEvents.disconnected("chat").userId("alice").connectionId("c-alice")))
			.andExpect(status().is2xxSuccessful());
		var order = inOrder(this.webPubSub);
		order.verify(this.webPubSub).sendToAll(json(ChatPayload.system("alice left")));
		order.verify(this.webPubSub).sendToAll(json(ChatPayload.presence(List.of())));
	}

	@Test
	void lineIsSaidToEveryoneAndAcknowledged() throws Exception {
		message("hello").andExpect(content().json("{\"type\":\"ack\"}", true));
		then(this.webPubSub).should().sendToAll(json(ChatPayload.chat("alice", "hello")));
	}

	@Test
	void privateMessageGoesToTargetAndSender() throws Exception {
		message("/msg bob see you at 5").andExpect(content().json("{\"type\":\"ack\"}", true));
		WebPubSubMessage message = json(ChatPayload.privateMessage("alice", "bob", "see you at 5"));
		then(this.webPubSub).should().sendToUser("bob", message);
		then(this.webPubSub).should().sendToUser("alice", message);
		then(this.webPubSub).shouldHaveNoMoreInteractions();
	}

	@Test
	void privateMessageToOneselfIsSentOnce() throws Exception {
		message("/msg alice note to self").andExpect(content().json("{\"type\":\"ack\"}", true));
		then(this.webPubSub).should().sendToUser("alice", json(ChatPayload.privateMessage("alice", "alice", "note to self")));
		then(this.webPubSub).shouldHaveNoMoreInteractions();
	}

	@Test
	void joinAndLeaveMoveTheConnectionInAndOutOfTheRoomGroup() throws Exception {
		message("/join games").andExpect(content().json("{\"type\":\"ack\"}", true));
		message("/leave games").andExpect(content().json("{\"type\":\"ack\"}", true));
		var order = inOrder(this.webPubSub);
		order.verify(this.webPubSub).addConnectionToGroup("room-games", "c-alice");
		order.verify(this.webPubSub).removeConnectionFromGroup("room-games", "c-alice");
	}

	@Test
	void roomMessageGoesToTheRoomGroup() throws Exception {
		message("/room games gg").andExpect(content().json("{\"type\":\"ack\"}", true));
		then(this.webPubSub).should().sendToGroup("room-games", json(ChatPayload.room("games", "alice", "gg")));
	}

	@Test
	void malformedCommandIsAnsweredWithItsReasonAndSendsNothing() throws Exception {
		message("/msg bob").andExpect(status().isOk())
			.andExpect(content().json("{\"type\":\"error\",\"text\":\"Usage: /msg <user> <text>\"}", true));
		then(this.webPubSub).shouldHaveNoInteractions();
	}

	@Test
	void textLongerThanTwoThousandCharactersIsRefused() throws Exception {
		message("x".repeat(2001))
			.andExpect(content().json("{\"type\":\"error\",\"text\":\"Message is longer than 2000 characters\"}", true));
		then(this.webPubSub).shouldHaveNoInteractions();
	}

	@Test
	void failedSendIsAnsweredWithAnErrorAndKeepsTheSenderConnected() throws Exception {
		willThrow(new WebPubSubException("sendToAll", "Connection refused", null)).given(this.webPubSub).sendToAll(any());
		message("hello").andExpect(status().isOk())
			.andExpect(content().json(
					"{\"type\":\"error\",\"text\":\"Could not deliver your message, please try again\"}", true));
	}

	@Test
	void eventWithForgedSignatureIsRejectedBeforeTheHandler() throws Exception {
		this.mockMvc.perform(WebPubSubEvents.userEvent("chat", "message").userId("alice").connectionId("c-alice")
			.text("hello").origin("chat.webpubsub.example").signedWith("another-key").toMockMvc())
			.andExpect(status().isUnauthorized());
		then(this.webPubSub).shouldHaveNoInteractions();
	}

	private org.springframework.test.web.servlet.ResultActions message(String line) throws Exception {
		return this.mockMvc.perform(signed(WebPubSubEvents.userEvent("chat", "message").userId("alice")
			.connectionId("c-alice").text(line)));
	}

	private static org.springframework.test.web.servlet.RequestBuilder signed(WebPubSubEventBuilder event) {
		return event.from(CONNECTION_STRING).toMockMvc();
	}

	private static WebPubSubMessage json(ChatPayload payload) {
		return WebPubSubMessage.json(payload);
	}

}
