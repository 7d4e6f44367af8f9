package dev.webpubsub.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.webpubsub.spring.handler.InvalidEventHandlerMethodException;

/**
 * Turns an unusable {@code @WebPubSubEventHandler} method into a start-up report that names the method, the
 * problem and the fix.
 *
 * @author Web PubSub for Spring Boot team
 */
class InvalidEventHandlerMethodFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEventHandlerMethodException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidEventHandlerMethodException cause) {
		String description = "The @WebPubSubEventHandler method " + cause.getMethod() + " cannot be used: "
				+ cause.getProblem();
		String action = "Fix the annotation or the signature of " + cause.getMethod() + ". Parameters are bound by "
				+ "type (the event's request type, WebPubSubConnectionContext, WebPubSubDataType, byte[] or "
				+ "JsonNode data) or by name (data, dataType, claims, query, headers, subprotocols, "
				+ "clientCertificates, reason, group, states); see the 'Event handlers' section of the README.";
		return new FailureAnalysis(description, action, cause);
	}

}
