package dev.webpubsub.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings that Azure Functions apps use for Web PubSub, bound from the root of the environment so that an
 * app's settings move over unchanged: {@code WebPubSubConnectionString} and {@code WebPubSubHub} (any relaxed
 * form, such as the environment variables {@code WEBPUBSUBCONNECTIONSTRING} and {@code WEBPUBSUBHUB}). The
 * identity-based form {@code WebPubSubConnectionString.serviceUri} and its credential keys are read by the
 * connection resolver.
 *
 * @author Web PubSub for Spring Boot team
 */
@ConfigurationProperties
public class WebPubSubFunctionsProperties {

	/**
	 * Connection string of the default Web PubSub connection,
	 * 'Endpoint=https://<resource>.webpubsub.azure.com;AccessKey=<key>;Version=1.0;'. Without AccessKey the
	 * connection authenticates with Entra ID.
	 */
	private @Nullable String webPubSubConnectionString;

	/**
	 * Default hub of negotiate, event handlers and the template.
	 */
	private @Nullable String webPubSubHub;

	public @Nullable String getWebPubSubConnectionString() {
		return this.webPubSubConnectionString;
	}

	public void setWebPubSubConnectionString(@Nullable String webPubSubConnectionString) {
		this.webPubSubConnectionString = webPubSubConnectionString;
	}

	public @Nullable String getWebPubSubHub() {
		return this.webPubSubHub;
	}

	public void setWebPubSubHub(@Nullable String webPubSubHub) {
		this.webPubSubHub = webPubSubHub;
	}

	@Override
	public String toString() {
		return "WebPubSubFunctionsProperties[webPubSubHub=" + this.webPubSubHub + "]";
	}

}
