package dev.webpubsub.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a malformed Web PubSub connection setting into a start-up report that names the setting and the fix. The
 * report never contains the setting's value, which may hold an access key.
 *
 * @author Web PubSub for Spring Boot team
 */
class InvalidConnectionSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConnectionSettingException> {

	private static final String SERVICE_URI_SUFFIX = ".serviceUri";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConnectionSettingException cause) {
		String setting = cause.getSettingName();
		String description = "The Web PubSub connection setting '" + setting + "' is invalid: " + cause.getProblem();
		return new FailureAnalysis(description, action(setting), cause);
	}

	private static String action(String setting) {
		if (setting.endsWith(SERVICE_URI_SUFFIX)) {
			return "Update '" + setting + "' to the endpoint of the Web PubSub resource, such as "
					+ "'https://<resource>.webpubsub.azure.com'.";
		}
		return "Update '" + setting + "' to a connection string such as "
				+ "'Endpoint=https://<resource>.webpubsub.azure.com;AccessKey=<key>;Version=1.0;' (copy it from the "
				+ "resource's Keys page), or remove it and set '" + setting + SERVICE_URI_SUFFIX
				+ "' to the endpoint to authenticate with Entra ID.";
	}

}
