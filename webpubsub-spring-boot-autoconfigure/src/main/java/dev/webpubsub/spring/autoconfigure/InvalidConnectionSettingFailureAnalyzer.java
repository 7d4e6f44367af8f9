package dev.webpubsub.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a malformed Web PubSub connection setting into a start-up report that names the setting and the fix.
 *
 * @author Web PubSub for Spring Boot team
 */
class InvalidConnectionSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConnectionSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConnectionSettingException cause) {
		String description = "The Web PubSub connection setting '" + cause.getSettingName() + "' is invalid: "
				+ cause.getProblem();
		String action = "Update '" + cause.getSettingName() + "'. A connection string looks like "
				+ "'Endpoint=https://<resource>.webpubsub.azure.com;AccessKey=<key>;Version=1.0;' (copy it from the "
				+ "resource's Keys page); for Entra ID set '<name>.serviceUri' to the endpoint instead.";
		return new FailureAnalysis(description, action, cause);
	}

}
