package dev.webpubsub.spring.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import dev.webpubsub.spring.annotation.WebPubSubEventHandler;
import dev.webpubsub.spring.annotation.WebPubSubEventParameter;
import dev.webpubsub.spring.event.ClientCertificate;
import dev.webpubsub.spring.event.ConnectEventRequest;
import dev.webpubsub.spring.event.ConnectedEventRequest;
import dev.webpubsub.spring.event.DisconnectedEventRequest;
import dev.webpubsub.spring.event.GroupJoinedEventRequest;
import dev.webpubsub.spring.event.MqttConnectEventRequest;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.UserEventResponse;
import dev.webpubsub.spring.event.WebPubSubClientProtocols;
import dev.webpubsub.spring.event.WebPubSubConnectionContext;
import dev.webpubsub.spring.event.WebPubSubDataType;
import dev.webpubsub.spring.event.WebPubSubEventRequest;

/**
 * Handlers of the webhook endpoint tests: they record what they receive and answer what a test programs.
 */
public class TestEventHandlers {

	final AtomicReference<@Nullable Object> received = new AtomicReference<>();

	final AtomicReference<Function<WebPubSubEventRequest, @Nullable Object>> behaviour = new AtomicReference<>();

	void reset() {
		this.received.set(null);
		this.behaviour.set((request) -> null);
	}

	private @Nullable Object answer(WebPubSubEventRequest request) {
		this.received.set(request);
		return this.behaviour.get().apply(request);
	}

	@WebPubSubEventHandler(hub = "${test.hub}", event = "connect")
	@Nullable Object connect(ConnectEventRequest request) {
		return answer(request);
	}

	@WebPubSubEventHandler(hub = "testhub", event = "connect", clientProtocols = WebPubSubClientProtocols.MQTT)
	@Nullable Object mqttConnect(MqttConnectEventRequest request) {
		return answer(request);
	}

	@WebPubSubEventHandler(hub = "testhub", event = "connected")
	void connected(ConnectedEventRequest request, WebPubSubConnectionContext context) {
		answer(request);
	}

	@WebPubSubEventHandler(hub = "testhub", event = "disconnected")
	void disconnected(DisconnectedEventRequest request, @Nullable String reason) {
		answer(request);
	}

	@WebPubSubEventHandler(hub = "testhub", event = "message")
	@Nullable Object message(UserEventRequest request) {
		return answer(request);
	}

	@WebPubSubEventHandler(hub = "testhub", event = "echo")
	String echo(@WebPubSubEventParameter("data") String text, WebPubSubDataType dataType) {
		return dataType + ":" + text;
	}

	@WebPubSubEventHandler(hub = "testhub", event = "pojo")
	Map<String, Object> pojo(Greeting data) {
		return Map.of("reply", "hello " + data.name());
	}

	@WebPubSubEventHandler(hub = "testhub", event = "tree")
	JsonNode tree(JsonNode data) {
		return data.get("items");
	}

	@WebPubSubEventHandler(hub = "testhub", event = "future")
	CompletableFuture<String> future(String data) {
		return CompletableFuture.supplyAsync(() -> "future " + data);
	}

	@WebPubSubEventHandler(hub = "testhub", event = "mono")
	Mono<UserEventResponse> mono(byte[] data) {
		return Mono.fromCallable(() -> UserEventResponse.binary(data).withState("seen", "yes"))
			.subscribeOn(Schedulers.boundedElastic());
	}

	@WebPubSubEventHandler(hub = "testhub", event = "thread")
	String thread() {
		return (Schedulers.isInNonBlockingThread() ? "non-blocking " : "may block ") + Thread.currentThread().getName();
	}

	@WebPubSubEventHandler(hub = "testhub", event = "joined")
	void joined(GroupJoinedEventRequest request, String group) {
		answer(request);
	}

	@WebPubSubEventHandler(hub = "fieldhub", event = "connect")
	void fields(Map<String, List<String>> claims, Map<String, List<String>> query,
			Map<String, List<String>> headers, List<String> subprotocols,
			List<ClientCertificate> clientCertificates, Map<String, byte[]> states) {
		this.received.set(Map.of("claims", claims, "query", query, "headers", headers, "subprotocols", subprotocols,
				"clientCertificates", clientCertificates, "states", states));
	}

	@WebPubSubEventHandler(hub = "triggerhub", event = "connected", connection = "TriggerConnection")
	void triggerConnected(ConnectedEventRequest request) {
		answer(request);
	}

	@WebPubSubEventHandler(hub = "identityhub", event = "connected", connection = "IdentityConnection")
	void identityConnected(ConnectedEventRequest request) {
		answer(request);
	}

	record Greeting(String name) {
	}

}
