package dev.webpubsub.spring.test;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

class WebPubSubEventBuilderTests {

	@Test
	void userEventCarriesCloudEventHeadersAndData() {
		WebPubSubEventBuilder event = WebPubSubEvents.userEvent("chat", "message").connectionId("c1").userId("alice")
			.text("hi");
		HttpHeaders headers = event.headers();
		assertThat(event.method()).isEqualTo(HttpMethod.POST);
		assertThat(event.path()).isEqualTo("/eventhandler");
		assertThat(headers.getFirst("ce-type")).isEqualTo("azure.webpubsub.user.message");
		assertThat(headers.getFirst("ce-eventName")).isEqualTo("message");
		assertThat(headers.getFirst("ce-hub")).isEqualTo("chat");
		assertThat(headers.getFirst("ce-connectionId")).isEqualTo("c1");
		assertThat(headers.getFirst("ce-userId")).isEqualTo("alice");
		assertThat(headers.getFirst("WebHook-Request-Origin")).isEqualTo("localhost");
		assertThat(headers.getContentType().toString()).isEqualTo("text/plain");
		assertThat(headers.containsHeader("ce-signature")).isFalse();
		assertThat(new String(event.body(), StandardCharsets.UTF_8)).isEqualTo("hi");
	}

	@Test
	void signsWithEveryKeyLikeTheService() {
		HttpHeaders headers = WebPubSubEvents.connected("testhub").connectionId("0f9c97a2f0bf4706afe87a14e0797b11")
			.signedWith("other-key", "7aab239577fd4f24bc919802fb629f5f")
			.headers();
		assertThat(headers.getFirst("ce-signature")).startsWith("sha256=")
			.endsWith(",sha256=7767effcb3946f3e1de039df4b986ef02c110b1469d02c0a06f41b3b727ab561");
	}

	@Test
	void takesOriginAndKeyFromConnectionString() {
		HttpHeaders headers = WebPubSubEvents.connected("hub").connectionId("cid")
			.from("Endpoint=https://demo.webpubsub.azure.com;AccessKey=test-access-key;Version=1.0;")
			.headers();
		assertThat(headers.getFirst("WebHook-Request-Origin")).isEqualTo("demo.webpubsub.azure.com");
		assertThat(headers.getFirst("ce-signature"))
			.isEqualTo("sha256=490e9b5be17f975a20ed5c3f36a0e8704fc74b742eea283e65229086ee253dec");
	}

	@Test
	void writesStatesInDotNetEncoding() {
		HttpHeaders headers = WebPubSubEvents.connected("hub").state("aKey", "aValue").state("bKey", "123")
			.state("cKey", "\"aValue\"")
			.headers();
		assertThat(headers.getFirst("ce-connectionState"))
			.isEqualTo("eyJhS2V5IjoiWVZaaGJIVmwiLCJiS2V5IjoiTVRJeiIsImNLZXkiOiJJbUZXWVd4MVpTST0ifQ==");
	}

	@Test
	void connectBodyHoldsClaimsQueryAndCertificates() {
		String body = new String(WebPubSubEvents.connect("hub").claim("sub", "alice").query("room", "1")
			.subprotocols("json.webpubsub.azure.v1")
			.clientCertificate("tp", "pem")
			.body(), StandardCharsets.UTF_8);
		assertThat(body).isEqualTo("{\"claims\":{\"sub\":[\"alice\"]},\"query\":{\"room\":[\"1\"]},"
				+ "\"subprotocols\":[\"json.webpubsub.azure.v1\"],"
				+ "\"clientCertificates\":[{\"thumbprint\":\"tp\",\"content\":\"pem\"}]}");
	}

	@Test
	void mqttEventsCarryPhysicalConnectionId() {
		WebPubSubEventBuilder event = WebPubSubEvents.connect("hub").mqtt("p1", 5).sessionId("s1");
		assertThat(event.headers().getFirst("ce-subprotocol")).isEqualTo("mqtt");
		assertThat(event.headers().getFirst("ce-physicalConnectionId")).isEqualTo("p1");
		assertThat(event.headers().getFirst("ce-sessionId")).isEqualTo("s1");
		assertThat(new String(event.body(), StandardCharsets.UTF_8)).contains("\"protocolVersion\":5");
	}

	@Test
	void mqttBodiesCarryPacketDetails() {
		String connect = new String(WebPubSubEvents.connect("hub").mqtt("p1", 5).mqttCredentials("user", "secret")
			.mqttUserProperty("a", "b")
			.body(), StandardCharsets.UTF_8);
		assertThat(connect).isEqualTo("{\"mqtt\":{\"protocolVersion\":5,\"username\":\"user\",\"password\":\"secret\","
				+ "\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]},\"subprotocols\":[\"mqtt\"]}");
		String disconnected = new String(WebPubSubEvents.disconnected("hub").mqtt("p1", 5).mqttDisconnect(false, 128)
			.reason("reason")
			.body(), StandardCharsets.UTF_8);
		assertThat(disconnected).isEqualTo(
				"{\"mqtt\":{\"initiatedByClient\":false,\"disconnectPacket\":{\"code\":128}},\"reason\":\"reason\"}");
	}

	@Test
	void abuseProtectionIsAnOptionsRequestWithOrigin() {
		WebPubSubEventBuilder event = WebPubSubEvents.abuseProtection("demo.webpubsub.azure.com");
		assertThat(event.method()).isEqualTo(HttpMethod.OPTIONS);
		assertThat(event.headers().getFirst("WebHook-Request-Origin")).isEqualTo("demo.webpubsub.azure.com");
		assertThat(event.headers().containsHeader("ce-type")).isFalse();
		assertThat(event.body()).isEmpty();
	}

	@Test
	void mockMvcRequestCarriesMethodPathHeadersAndBody() throws Exception {
		MockHttpServletRequest request = WebPubSubEvents.userEvent("chat", "message").path("/hook").text("hi")
			.toMockMvc()
			.buildRequest(new MockServletContext());
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getRequestURI()).isEqualTo("/hook");
		assertThat(request.getHeader("ce-hub")).isEqualTo("chat");
		assertThat(request.getContentType()).isEqualTo("text/plain");
		assertThat(request.getContentAsByteArray()).asString(StandardCharsets.UTF_8).isEqualTo("hi");
	}

	@Test
	void headersCanBeLeftOutCaseInsensitively() {
		assertThat(WebPubSubEvents.connected("hub").withoutHeader("CE-HUB").headers().containsHeader("ce-hub"))
			.isFalse();
	}

}
