package dev.webpubsub.spring.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * {@link WebPubSubConnectionDetails} resolved from the {@code WebPubSubConnectionString} setting.
 *
 * @author Web PubSub for Spring Boot team
 */
final class PropertiesWebPubSubConnectionDetails implements WebPubSubConnectionDetails {

	private final ConnectionSettings settings;

	PropertiesWebPubSubConnectionDetails(ConnectionSettings settings) {
		this.settings = settings;
	}

	ConnectionSettings getSettings() {
		return this.settings;
	}

	@Override
	public URI getEndpoint() {
		return this.settings.endpoint();
	}

	@Override
	public @Nullable String getAccessKey() {
		return (this.settings instanceof ConnectionSettings.Value value) ? value.connectionString().accessKey() : null;
	}

}
