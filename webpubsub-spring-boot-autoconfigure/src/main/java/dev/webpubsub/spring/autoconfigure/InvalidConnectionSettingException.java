package dev.webpubsub.spring.autoconfigure;

/**
 * Thrown at start-up when a connection setting is present but malformed. Carries the setting name so that
 * {@link InvalidConnectionSettingFailureAnalyzer} can point at it; the message never contains the access key.
 *
 * @author Web PubSub for Spring Boot team
 */
public class InvalidConnectionSettingException extends IllegalStateException {

	private final String settingName;

	private final String problem;

	/**
	 * Creates an exception for the given setting.
	 * @param settingName the name of the setting, such as {@code WebPubSubConnectionString}
	 * @param problem what is wrong with it
	 */
	public InvalidConnectionSettingException(String settingName, String problem) {
		super("Invalid Web PubSub connection setting '" + settingName + "': " + problem);
		this.settingName = settingName;
		this.problem = problem;
	}

	/**
	 * Returns the name of the malformed setting.
	 * @return the setting name
	 */
	public String getSettingName() {
		return this.settingName;
	}

	/**
	 * Returns what is wrong with the setting.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

}
