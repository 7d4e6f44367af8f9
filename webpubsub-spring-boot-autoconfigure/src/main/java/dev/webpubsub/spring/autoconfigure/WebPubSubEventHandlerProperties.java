package dev.webpubsub.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Web PubSub webhook endpoint that receives the service's upstream events.
 *
 * @author Web PubSub for Spring Boot team
 */
@ConfigurationProperties("webpubsub.event-handler")
public class WebPubSubEventHandlerProperties {

	/**
	 * Whether to register the webhook endpoint and detect @WebPubSubEventHandler methods.
	 */
	private boolean enabled = true;

	/**
	 * Path of the webhook endpoint, the path of the event handler URL configured in the service.
	 */
	private String path = "/eventhandler";

	/**
	 * Further origins (service hosts, such as 'my.webpubsub.azure.com') that pass the abuse-protection handshake,
	 * in addition to the hosts of the configured connections. '*' allows any origin.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Largest request body the webhook endpoint accepts; larger ones are answered 413.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

	/**
	 * Whether, in a reactive web application, handler methods that return a plain value rather than a Mono or
	 * CompletionStage may block, so that they run on Reactor's bounded elastic scheduler instead of the event loop.
	 */
	private boolean blockingHandlers;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public boolean isBlockingHandlers() {
		return this.blockingHandlers;
	}

	public void setBlockingHandlers(boolean blockingHandlers) {
		this.blockingHandlers = blockingHandlers;
	}

}
