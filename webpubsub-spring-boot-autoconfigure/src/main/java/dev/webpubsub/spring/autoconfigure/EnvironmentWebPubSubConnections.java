package dev.webpubsub.spring.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;

/**
 * {@link WebPubSubConnections} whose default connection comes from the {@link WebPubSubConnectionDetails} bean
 * and whose named connections are resolved from the environment on first use.
 *
 * @author Web PubSub for Spring Boot team
 */
final class EnvironmentWebPubSubConnections implements WebPubSubConnections {

	private static final ConfigurationPropertyName DEFAULT = ConfigurationPropertyName.adapt(DEFAULT_NAME, '.');

	private final ConnectionSettingsResolver resolver;

	private final @Nullable WebPubSubConnection defaultConnection;

	private final Function<ConnectionSettings, EntraTokenProvider> entraTokens;

	private final Map<ConfigurationPropertyName, Optional<WebPubSubConnection>> named = new ConcurrentHashMap<>();

	private final Map<String, Optional<WebPubSubConnection>> bySpelling = new ConcurrentHashMap<>();

	/**
	 * Creates the registry.
	 * @param resolver resolves named settings
	 * @param defaultDetails the details of the default connection, if any
	 * @param defaultEntraTokens the token source of the default connection when it is identity-based
	 * @param entraTokens builds the token source of a named identity-based connection
	 */
	EnvironmentWebPubSubConnections(ConnectionSettingsResolver resolver,
			@Nullable WebPubSubConnectionDetails defaultDetails, @Nullable EntraTokenProvider defaultEntraTokens,
			Function<ConnectionSettings, EntraTokenProvider> entraTokens) {
		this.resolver = resolver;
		this.entraTokens = entraTokens;
		this.defaultConnection = (defaultDetails != null) ? toConnection(defaultDetails, defaultEntraTokens) : null;
	}

	private WebPubSubConnection toConnection(WebPubSubConnectionDetails details,
			@Nullable EntraTokenProvider defaultEntraTokens) {
		String accessKey = details.getAccessKey();
		if (accessKey != null) {
			return WebPubSubConnection.withAccessKey(DEFAULT_NAME, details.getEndpoint(), accessKey);
		}
		// Details from another source (the emulator, a user bean) may be keyless while the environment is not.
		EntraTokenProvider entraTokens = (defaultEntraTokens != null) ? defaultEntraTokens
				: this.entraTokens.apply(new ConnectionSettings.Identity(DEFAULT_NAME, details.getEndpoint(), null, null,
						null, null, null));
		return WebPubSubConnection.withEntraId(DEFAULT_NAME, details.getEndpoint(), entraTokens);
	}

	@Override
	public Optional<WebPubSubConnection> find(String name) {
		// Looked up on hot paths (every negotiate, every template call): names as written are cached so that a
		// configuration property name is parsed once per spelling.
		Optional<WebPubSubConnection> connection = this.bySpelling.get(name);
		if (connection == null) {
			connection = this.bySpelling.computeIfAbsent(name, this::resolve);
		}
		return connection;
	}

	private Optional<WebPubSubConnection> resolve(String name) {
		ConfigurationPropertyName key = ConfigurationPropertyName.adapt(name, '.');
		if (key.equals(DEFAULT)) {
			return Optional.ofNullable(this.defaultConnection);
		}
		return this.named.computeIfAbsent(key, (ignored) -> this.resolver.resolve(name).map(this::toConnection));
	}

	private WebPubSubConnection toConnection(ConnectionSettings settings) {
		if (settings instanceof ConnectionSettings.Value value && value.connectionString().accessKey() != null) {
			return WebPubSubConnection.withAccessKey(settings.name(), settings.endpoint(),
					value.connectionString().accessKey());
		}
		return WebPubSubConnection.withEntraId(settings.name(), settings.endpoint(), this.entraTokens.apply(settings));
	}

	@Override
	public Collection<WebPubSubConnection> all() {
		List<WebPubSubConnection> connections = new ArrayList<>();
		if (this.defaultConnection != null) {
			connections.add(this.defaultConnection);
		}
		this.named.values().forEach((connection) -> connection.ifPresent(connections::add));
		return connections;
	}

}
