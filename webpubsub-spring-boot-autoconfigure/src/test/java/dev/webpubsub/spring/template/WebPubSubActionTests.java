package dev.webpubsub.spring.template;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.template.CaptureServer.RecordedRequest;
import dev.webpubsub.spring.template.CaptureServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The 14 output actions of the Azure Functions binding each make the REST call of the binding.
 */
class WebPubSubActionTests {

	private CaptureServer server;

	private WebPubSubTemplate template;

	@BeforeEach
	void start() throws Exception {
		this.server = new CaptureServer();
		this.template = new WebPubSubTemplate(ReactiveWebPubSubTemplate
			.builder(WebPubSubConnection.withAccessKey("WebPubSubConnectionString", URI.create(this.server.endpoint()),
					"key"))
			.hub("chat")
			.maxAttempts(1)
			.build());
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
	}

	static Stream<Arguments> actions() {
		WebPubSubMessage text = WebPubSubMessage.text("hi");
		return Stream.of(
				arguments(new SendToAllAction(text, List.of("c1", "c2")),
						"POST /api/hubs/chat/:send?excluded=c1&excluded=c2"),
				arguments(new SendToAllAction(text), "POST /api/hubs/chat/:send"),
				arguments(new SendToGroupAction("g 1", text, List.of("c1")),
						"POST /api/hubs/chat/groups/g%201/:send?excluded=c1"),
				arguments(new SendToUserAction("u1", text), "POST /api/hubs/chat/users/u1/:send"),
				arguments(new SendToConnectionAction("c1", text), "POST /api/hubs/chat/connections/c1/:send"),
				arguments(new AddUserToGroupAction("u1", "g1"), "PUT /api/hubs/chat/users/u1/groups/g1"),
				arguments(new RemoveUserFromGroupAction("u1", "g1"), "DELETE /api/hubs/chat/users/u1/groups/g1"),
				arguments(new RemoveUserFromAllGroupsAction("u1"), "DELETE /api/hubs/chat/users/u1/groups"),
				arguments(new AddConnectionToGroupAction("c1", "g1"), "PUT /api/hubs/chat/groups/g1/connections/c1"),
				arguments(new RemoveConnectionFromGroupAction("c1", "g1"),
						"DELETE /api/hubs/chat/groups/g1/connections/c1"),
				arguments(new CloseAllConnectionsAction(List.of("c1"), "maintenance"),
						"POST /api/hubs/chat/:closeConnections?excluded=c1&reason=maintenance"),
				arguments(new CloseAllConnectionsAction(), "POST /api/hubs/chat/:closeConnections"),
				arguments(new CloseClientConnectionAction("c1", "bye"),
						"DELETE /api/hubs/chat/connections/c1?reason=bye"),
				arguments(new CloseGroupConnectionsAction("g1", List.of("c2"), "done"),
						"POST /api/hubs/chat/groups/g1/:closeConnections?excluded=c2&reason=done"),
				arguments(new GrantPermissionAction("c1", WebPubSubPermission.SEND_TO_GROUP, "g1"),
						"PUT /api/hubs/chat/permissions/sendToGroup/connections/c1?targetName=g1"),
				arguments(new RevokePermissionAction("c1", WebPubSubPermission.JOIN_LEAVE_GROUP, null),
						"DELETE /api/hubs/chat/permissions/joinLeaveGroup/connections/c1"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void executesTheRestCallOfTheFunctionsBinding(WebPubSubAction action, String expected) {
		this.template.send(action);
		assertThat(this.server.requests()).hasSize(1);
		RecordedRequest request = this.server.lastRequest();
		String query = request.queryWithoutApiVersion();
		assertThat(request.method() + " " + request.path() + (query.isEmpty() ? "" : "?" + query)).isEqualTo(expected);
	}

	@Test
	void sendsTheMessageOfASendAction() {
		this.template.send(new SendToUserAction("u1", WebPubSubMessage.rawJson("{\"a\":1}")));
		assertThat(this.server.lastRequest().header("Content-Type")).isEqualTo("application/json");
		assertThat(this.server.lastRequest().bodyText()).isEqualTo("{\"a\":1}");
	}

	@Test
	void executesAListOfActionsInOrder() {
		this.template.send(List.of(new AddUserToGroupAction("u1", "g1"),
				new SendToGroupAction("g1", WebPubSubMessage.text("welcome")),
				new RemoveUserFromAllGroupsAction("u1")));
		assertThat(this.server.requests()).extracting((request) -> request.method() + " " + request.path())
			.containsExactly("PUT /api/hubs/chat/users/u1/groups/g1", "POST /api/hubs/chat/groups/g1/:send",
					"DELETE /api/hubs/chat/users/u1/groups");
	}

	@Test
	void stopsAListOfActionsAtTheFirstFailure() {
		this.server.then(Reply.status(200)).then(Reply.status(403));
		assertThatExceptionOfType(WebPubSubServiceException.class)
			.isThrownBy(() -> this.template.send(List.of(new AddUserToGroupAction("u1", "g1"),
					new SendToUserAction("u1", WebPubSubMessage.text("a")), new RemoveUserFromAllGroupsAction("u1"))))
			.satisfies((ex) -> assertThat(ex.getOperation()).isEqualTo("sendToUser"));
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void executesActionsOnTheHubOfAScopedTemplate() {
		this.template.hub("other").send(new RemoveUserFromAllGroupsAction("u1"));
		assertThat(this.server.lastRequest().path()).isEqualTo("/api/hubs/other/users/u1/groups");
	}

	@Test
	void actionsAreValues() {
		assertThat(new SendToAllAction(WebPubSubMessage.binary(new byte[] { 1, 2 })))
			.isEqualTo(new SendToAllAction(WebPubSubMessage.binary(new byte[] { 1, 2 }), List.of()));
		assertThat(new CloseClientConnectionAction("c1")).isEqualTo(new CloseClientConnectionAction("c1", null));
		assertThat(new SendToGroupAction("g", WebPubSubMessage.text("a"), List.of("c")).excluded())
			.isUnmodifiable();
	}

}
