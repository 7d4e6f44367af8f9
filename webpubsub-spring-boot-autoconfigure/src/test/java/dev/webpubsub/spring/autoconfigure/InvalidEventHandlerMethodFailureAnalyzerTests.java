package dev.webpubsub.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.webpubsub.spring.handler.InvalidEventHandlerMethodException;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidEventHandlerMethodFailureAnalyzerTests {

	@Test
	void namesTheMethodAndTheProblem() {
		InvalidEventHandlerMethodException failure = new InvalidEventHandlerMethodException("chat.connect(Integer)",
				"unsupported parameter 0 (java.lang.Integer count) for [connect] events");
		FailureAnalysis analysis = new InvalidEventHandlerMethodFailureAnalyzer()
			.analyze(new IllegalStateException("context failed", failure));
		assertThat(analysis.getDescription()).isEqualTo("The @WebPubSubEventHandler method chat.connect(Integer) "
				+ "cannot be used: unsupported parameter 0 (java.lang.Integer count) for [connect] events");
		assertThat(analysis.getAction()).startsWith("Fix the annotation or the signature of chat.connect(Integer).");
	}

}
