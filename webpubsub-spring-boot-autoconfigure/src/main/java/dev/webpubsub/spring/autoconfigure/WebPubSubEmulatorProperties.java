package dev.webpubsub.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded Web PubSub emulator, which starts when {@code webpubsub-emulator} is on the classpath and
 * no connection is configured.
 *
 * @author Web PubSub for Spring Boot team
 */
@ConfigurationProperties("webpubsub.emulator")
public class WebPubSubEmulatorProperties {

	/**
	 * Whether to start the embedded emulator when no connection ('WebPubSubConnectionString') is configured.
	 */
	private boolean enabled = true;

	/**
	 * Port the emulator listens on, on 127.0.0.1; 0 picks a free one.
	 */
	private int port;

	/**
	 * Access key that the emulator validates tokens with and signs events with; the key of Microsoft's emulator by
	 * default.
	 */
	private String accessKey = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	/**
	 * Whether the emulator's REST API accepts unsigned Entra ID style bearer tokens (audience
	 * 'https://webpubsub.azure.com'), so that code using an identity-based connection can be tested without Entra
	 * ID.
	 */
	private boolean allowUnvalidatedEntraTokens;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public String getAccessKey() {
		return this.accessKey;
	}

	public void setAccessKey(String accessKey) {
		this.accessKey = accessKey;
	}

	public boolean isAllowUnvalidatedEntraTokens() {
		return this.allowUnvalidatedEntraTokens;
	}

	public void setAllowUnvalidatedEntraTokens(boolean allowUnvalidatedEntraTokens) {
		this.allowUnvalidatedEntraTokens = allowUnvalidatedEntraTokens;
	}

}
