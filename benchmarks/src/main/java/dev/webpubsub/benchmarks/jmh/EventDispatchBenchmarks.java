package dev.webpubsub.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;

import dev.webpubsub.benchmarks.BenchmarkKeys;
import dev.webpubsub.benchmarks.HandRolledTokens;
import dev.webpubsub.benchmarks.StarterContext;
import dev.webpubsub.spring.annotation.WebPubSubEventHandler;
import dev.webpubsub.spring.event.UserEventRequest;
import dev.webpubsub.spring.event.UserEventResponse;
import dev.webpubsub.spring.handler.EventPreparation;
import dev.webpubsub.spring.handler.EventResult;
import dev.webpubsub.spring.handler.PreparedEvent;
import dev.webpubsub.spring.handler.WebPubSubEventPipeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * One signed user event, in memory: CloudEvents header parsing, routing, signature validation, request reading,
 * handler invocation and the echoed text answer. The starter's stack-neutral {@link WebPubSubEventPipeline} (what
 * both web endpoints call) against the hand-written equivalent of the bare endpoint.
 *
 * @author Web PubSub for Spring Boot team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EventDispatchBenchmarks {

	private static final String CONNECTION_ID = "bench-connection-1";

	private static final byte[] BODY = "hello from a benchmark client".getBytes(StandardCharsets.UTF_8);

	private ConfigurableApplicationContext context;

	private WebPubSubEventPipeline pipeline;

	private HttpHeaders headers;

	private Mac mac;

	/**
	 * Starts the context with the echo handler and checks that the pipeline echoes the event.
	 */
	@Setup
	public void setUp() {
		this.context = StarterContext.start(BenchmarkKeys.CONNECTION_STRING, EchoHandler.class);
		this.pipeline = this.context.getBean(WebPubSubEventPipeline.class);
		this.mac = HandRolledTokens.mac(BenchmarkKeys.ACCESS_KEY);
		this.headers = new HttpHeaders();
		this.headers.set("Content-Type", "text/plain; charset=utf-8");
		this.headers.set("ce-specversion", "1.0");
		this.headers.set("ce-awpsversion", "1.0");
		this.headers.set("ce-type", "azure.webpubsub.user.message");
		this.headers.set("ce-source", "/hubs/bench/client/" + CONNECTION_ID);
		this.headers.set("ce-id", "1");
		this.headers.set("ce-time", "2026-12-04T00:00:00Z");
		this.headers.set("ce-hub", BenchmarkKeys.HUB);
		this.headers.set("ce-connectionId", CONNECTION_ID);
		this.headers.set("ce-eventName", "message");
		this.headers.set("ce-userId", "user-42");
		this.headers.set("ce-signature", HandRolledTokens.signature(CONNECTION_ID, BenchmarkKeys.ACCESS_KEY));
		this.headers.set("WebHook-Request-Origin", BenchmarkKeys.SERVICE_HOST);
		EventResult result = starter();
		if (result.status() != 200 || !result.bodyAsString().equals(new String(BODY, StandardCharsets.UTF_8))) {
			throw new IllegalStateException("The pipeline did not echo the event: " + result);
		}
	}

	/**
	 * Closes the context.
	 */
	@TearDown
	public void tearDown() {
		this.context.close();
	}

	/**
	 * The starter's pipeline: header phase, then body phase with the handler.
	 * @return the answer
	 */
	@Benchmark
	public EventResult starter() {
		EventPreparation preparation = this.pipeline.prepare("POST", this.headers);
		if (preparation instanceof PreparedEvent event) {
			return this.pipeline.handle(event, BODY).join();
		}
		return (EventResult) preparation;
	}

	/**
	 * What the bare endpoint does with the same request: check the type, the origin and the signature, echo.
	 * @return the status and the answer
	 * @throws CloneNotSupportedException never
	 */
	@Benchmark
	public Object handWritten() throws CloneNotSupportedException {
		if (!"azure.webpubsub.user.message".equals(this.headers.getFirst("ce-type"))
				|| !BenchmarkKeys.SERVICE_HOST.equals(this.headers.getFirst("WebHook-Request-Origin"))) {
			return 400;
		}
		Mac mac = (Mac) this.mac.clone();
		byte[] expected = ("sha256=" + HexFormat.of()
			.formatHex(mac.doFinal(this.headers.getFirst("ce-connectionId").getBytes(StandardCharsets.UTF_8))))
			.getBytes(StandardCharsets.US_ASCII);
		for (String signature : this.headers.getFirst("ce-signature").split(",")) {
			if (MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
				return new String(BODY, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
			}
		}
		return 401;
	}

	/**
	 * The echo handler, registered in the benchmark's context.
	 */
	@Configuration(proxyBeanMethods = false)
	static class EchoHandler {

		@Bean
		Echo echo() {
			return new Echo();
		}

	}

	static class Echo {

		@WebPubSubEventHandler(hub = "bench", event = "message")
		UserEventResponse message(UserEventRequest request) {
			return UserEventResponse.text(request.getDataAsString());
		}

	}

}
