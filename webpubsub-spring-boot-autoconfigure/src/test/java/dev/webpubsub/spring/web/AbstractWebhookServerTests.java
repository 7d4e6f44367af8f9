package dev.webpubsub.spring.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import dev.webpubsub.spring.event.ConnectEventResponse;
import dev.webpubsub.spring.test.WebPubSubEventBuilder;
import dev.webpubsub.spring.test.WebPubSubEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint on a real server, called over HTTP: what mock requests cannot show (chunked bodies without
 * {@code Content-Length}, asynchronous answers through the container, header handling of the server).
 */
@WebhookTestProperties
abstract class AbstractWebhookServerTests {

	/**
	 * Headers the JDK client sets itself and refuses to take from the caller.
	 */
	private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection");

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestEventHandlers handlers;

	@BeforeEach
	void resetHandlers() {
		this.handlers.reset();
	}

	@Test
	void answersAbuseProtection() throws Exception {
		HttpResponse<byte[]> response = send(WebPubSubEvents.abuseProtection("localhost"), null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("WebHook-Allowed-Origin")).hasValue("localhost");
	}

	@Test
	void answersSignedConnectWithJson() throws Exception {
		this.handlers.behaviour.set((request) -> ConnectEventResponse.builder().userId("alice").build());
		HttpResponse<byte[]> response = send(
				WebPubSubEvents.connect("testhub").signedWith(AbstractWebhookEndpointTests.KEY), null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body())).isEqualTo("{\"userId\":\"alice\"}");
	}

	@Test
	void answersAsynchronousHandlerThroughTheServer() throws Exception {
		HttpResponse<byte[]> response = send(WebPubSubEvents.userEvent("testhub", "future")
			.signedWith(AbstractWebhookEndpointTests.KEY)
			.text("over http"), null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body())).isEqualTo("future over http");
	}

	@Test
	void rejectsChunkedBodyOverTheLimit() throws Exception {
		WebPubSubEventBuilder event = WebPubSubEvents.userEvent("testhub", "message")
			.signedWith(AbstractWebhookEndpointTests.KEY)
			.binary(new byte[64 * 1024]);
		// A body publisher of unknown length makes the client send the body chunked, without Content-Length.
		HttpResponse<byte[]> response = send(event,
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(event.body())));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(this.handlers.received.get()).isNull();
	}

	@Test
	void rejectsOtherMethodsWith405() throws Exception {
		HttpResponse<byte[]> response = send(WebPubSubEvents.connect("testhub")
			.method(org.springframework.http.HttpMethod.GET), BodyPublishers.noBody());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue(HttpHeaders.ALLOW)).hasValue("POST, OPTIONS");
	}

	@Test
	void rejectsForgedSignatureWith401() throws Exception {
		HttpResponse<byte[]> response = send(WebPubSubEvents.connect("testhub").signedWith("forged-key"), null);
		assertThat(response.statusCode()).isEqualTo(401);
	}

	HttpResponse<byte[]> send(WebPubSubEventBuilder event, BodyPublisher body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + event.path()))
			.method(event.method().name(), (body != null) ? body : BodyPublishers.ofByteArray(event.body()));
		event.headers().forEach((name, values) -> {
			if (!RESTRICTED.contains(name.toLowerCase())) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		return this.client.send(request.build(), BodyHandlers.ofByteArray());
	}

}
