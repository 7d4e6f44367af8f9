package dev.webpubsub.spring.template;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.token.ClientAccessOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Arguments are checked when an operation is called, before anything is sent, and each error names the argument.
 * The reactive template is used unsubscribed, so nothing goes over the wire.
 */
class WebPubSubTemplateArgumentTests {

	private static final WebPubSubConnection CONNECTION = WebPubSubConnection.withAccessKey("WebPubSubConnectionString",
			URI.create("http://127.0.0.1:9"), "key");

	private final ReactiveWebPubSubTemplate template = ReactiveWebPubSubTemplate.builder(CONNECTION)
		.hub("chat")
		.build();

	private final WebPubSubMessage message = WebPubSubMessage.text("hi");

	@ParameterizedTest
	@ValueSource(strings = { "", "1chat", "_chat", "chat-room", "chat room", "chät" })
	void rejectsHubsThatBreakTheServicePattern(String hub) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.hub(hub)).withMessageContaining("'hub'");
		assertThatIllegalArgumentException().isThrownBy(() -> ReactiveWebPubSubTemplate.builder(CONNECTION).hub(hub))
			.withMessageContaining("'hub'");
	}

	@Test
	void rejectsHubsLongerThan128Characters() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.hub("h" + "a".repeat(128)))
			.withMessageContaining("'hub'");
		assertThat(this.template.hub("h" + "a".repeat(127)).getHub()).hasSize(128);
	}

	@ParameterizedTest
	@ValueSource(strings = { "chat", "Chat_Hub1", "a`,.[]", "A0" })
	void acceptsHubsThatMatchTheServicePattern(String hub) {
		assertThat(this.template.hub(hub).getHub()).isEqualTo(hub);
	}

	@Test
	void requiresAHubNamingTheSetting() {
		ReactiveWebPubSubTemplate withoutHub = ReactiveWebPubSubTemplate.builder(CONNECTION).build();
		assertThat(withoutHub.getHub()).isNull();
		assertThatIllegalStateException().isThrownBy(() -> withoutHub.sendToAll(this.message))
			.withMessageContaining("WebPubSubHub")
			.withMessageContaining("hub(");
		assertThatNoException().isThrownBy(() -> withoutHub.hub("chat").sendToAll(this.message));
		assertThatNoException().isThrownBy(withoutHub::checkHealth);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void rejectsBlankIds(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.sendToUser(id, this.message))
			.withMessage("'userId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.sendToConnection(id, this.message))
			.withMessage("'connectionId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.closeConnection(id, null))
			.withMessage("'connectionId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.userExists(id))
			.withMessage("'userId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.addConnectionToGroup("group", id))
			.withMessage("'connectionId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.removeUserFromAllGroups(id))
			.withMessage("'userId' must not be blank");
	}

	@Test
	void rejectsNullIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.connectionExists(null))
			.withMessage("'connectionId' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.addUserToGroup("group", null))
			.withMessage("'userId' must not be null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void rejectsBlankGroups(String group) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.sendToGroup(group, this.message))
			.withMessageContaining("'group'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.groupExists(group))
			.withMessageContaining("'group'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.addConnectionsToGroups(List.of("ok", group), "userId eq 'a'"))
			.withMessageContaining("'groups[1]'");
	}

	@Test
	void rejectsGroupsLongerThan1024Characters() {
		String tooLong = "g".repeat(1025);
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.addUserToGroup(tooLong, "user"))
			.withMessage("'group' must be at most 1024 characters long but has 1025");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.grantPermission(WebPubSubPermission.SEND_TO_GROUP, "conn", tooLong))
			.withMessageContaining("'targetName'");
		assertThatNoException().isThrownBy(() -> this.template.addUserToGroup("g".repeat(1024), "user"));
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 301, Integer.MAX_VALUE })
	void rejectsTimeToLiveOutside0To300Seconds(int seconds) {
		assertThatIllegalArgumentException().isThrownBy(() -> SendOptions.none().withMessageTtlSeconds(seconds))
			.withMessage("'messageTtlSeconds' must be between 0 and 300 but was " + seconds);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 300 })
	void acceptsTimeToLiveFrom0To300Seconds(int seconds) {
		assertThat(SendOptions.none().withMessageTtlSeconds(seconds).messageTtlSeconds()).isEqualTo(seconds);
	}

	@Test
	void rejectsNullData() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebPubSubMessage.text(null))
			.withMessage("'data' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> WebPubSubMessage.json(null))
			.withMessage("'data' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> WebPubSubMessage.rawJson(null))
			.withMessage("'data' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> WebPubSubMessage.binary(null))
			.withMessage("'data' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.sendToAll(null))
			.withMessage("'message' must not be null");
	}

	@Test
	void rejectsJsonMessagesThatCannotBeSerialised() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.sendToAll(WebPubSubMessage.json(new Unserialisable())))
			.withMessageStartingWith("'message' cannot be serialised as JSON");
	}

	@Test
	void rejectsOptionsThatTheOperationDoesNotSupport() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.sendToUser("user", this.message, SendOptions.excluding("conn")))
			.withMessage("'excluded' is not supported by sendToUser");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.sendToConnection("conn", this.message,
					SendOptions.none().withFilter("userId eq 'a'")))
			.withMessage("'filter' is not supported by sendToConnection");
	}

	@Test
	void rejectsBlankExcludedConnectionsAndFilters() {
		assertThatIllegalArgumentException().isThrownBy(() -> SendOptions.excluding("conn", " "))
			.withMessage("'excluded[1]' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> SendOptions.none().withFilter(" "))
			.withMessage("'filter' must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.closeAllConnections(Arrays.asList("conn", null), null))
			.withMessage("'excluded[1]' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.removeConnectionsFromGroups(List.of("group"), ""))
			.withMessage("'filter' must not be blank");
	}

	@Test
	void rejectsClientTokenGroupsTheServiceRefuses() {
		ClientAccessOptions options = ClientAccessOptions.forHub("chat").withGroups(List.of("g".repeat(1025)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.generateClientToken(options))
			.withMessageContaining("'groups[0]'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.generateClientToken(null))
			.withMessage("'options' must not be null");
	}

	@Test
	void rejectsInvalidActionsWhenTheyAreCreated() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SendToGroupAction("", this.message))
			.withMessage("'group' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> new SendToUserAction("user", null))
			.withMessage("'message' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new CloseClientConnectionAction(" "))
			.withMessage("'connectionId' must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GrantPermissionAction("conn", null, "group"))
			.withMessage("'permission' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.send((WebPubSubAction) null))
			.withMessage("'action' must not be null");
	}

	@Test
	void refusesNamedConnectionsWithoutARegistry() {
		assertThatIllegalStateException().isThrownBy(() -> this.template.connection("Other"))
			.withMessageContaining("'Other'");
	}

	static final class Unserialisable {

		public String getValue() {
			throw new IllegalStateException("not serialisable");
		}

	}

}
