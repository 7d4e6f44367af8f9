package dev.webpubsub.spring.autoconfigure;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

import dev.webpubsub.spring.connection.ConnectionString;
import dev.webpubsub.spring.connection.InvalidConnectionStringException;

/**
 * Resolves a connection setting name the way the Azure Functions extension does: a string value is a connection
 * string and wins; else a {@code serviceUri} child makes the connection identity-based; else it is not
 * configured. Names bind through Spring's relaxed binding, so {@code WebPubSubConnectionString},
 * {@code web-pub-sub-connection-string} and {@code WEBPUBSUBCONNECTIONSTRING} are the same setting.
 *
 * @author Web PubSub for Spring Boot team
 */
final class ConnectionSettingsResolver {

	private static final Bindable<String> STRING = Bindable.of(String.class);

	private final Binder binder;

	ConnectionSettingsResolver(Binder binder) {
		this.binder = binder;
	}

	static ConnectionSettingsResolver of(Environment environment) {
		return new ConnectionSettingsResolver(Binder.get(environment));
	}

	/**
	 * Resolves a setting.
	 * @param name the setting name
	 * @return the settings, or empty when nothing is configured under the name
	 * @throws InvalidConnectionSettingException if the setting is present but malformed
	 */
	Optional<ConnectionSettings> resolve(String name) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.adapt(name, '.');
		String value = bind(prefix);
		if (value != null && !value.isBlank()) {
			try {
				return Optional.of(new ConnectionSettings.Value(name, ConnectionString.parse(value)));
			}
			catch (InvalidConnectionStringException ex) {
				throw new InvalidConnectionSettingException(name, ex.getMessage());
			}
		}
		String serviceUri = bind(prefix.append("serviceuri"));
		if (serviceUri == null || serviceUri.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new ConnectionSettings.Identity(name, ConnectionString.parseEndpoint(serviceUri),
					bind(prefix.append("credential")), bind(prefix.append("clientid")),
					bind(prefix.append("managedidentityresourceid")), bind(prefix.append("tenantid")),
					bind(prefix.append("clientsecret"))));
		}
		catch (InvalidConnectionStringException ex) {
			throw new InvalidConnectionSettingException(name + ".serviceUri",
					ex.getMessage().replace("Endpoint", "serviceUri"));
		}
	}

	private @Nullable String bind(ConfigurationPropertyName name) {
		return this.binder.bind(name, STRING).orElse(null);
	}

}
