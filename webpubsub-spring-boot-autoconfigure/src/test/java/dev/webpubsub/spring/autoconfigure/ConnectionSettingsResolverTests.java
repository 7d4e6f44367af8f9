package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import dev.webpubsub.spring.connection.WebPubSubConnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ConnectionSettingsResolver}: resolution of a connection name with the rules of the Azure
 * Functions extension and Spring's relaxed names.
 */
class ConnectionSettingsResolverTests {

	private static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	private static final String CONNECTION_STRING = "Endpoint=https://abc.webpubsub.azure.com;AccessKey=" + KEY;

	private final MockEnvironment environment = new MockEnvironment();

	private Optional<ConnectionSettings> resolve(String name) {
		return ConnectionSettingsResolver.of(this.environment).resolve(name);
	}

	private void systemEnvironment(Map<String, Object> variables) {
		this.environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
	}

	@Test
	void resolvesNothingWhenNothingIsConfigured() {
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME)).isEmpty();
	}

	@Test
	void resolvesNothingForASectionWithoutValueOrServiceUri() {
		this.environment.setProperty("WebPubSubConnectionString.SomeOtherKey", "x");
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME)).isEmpty();
	}

	@Test
	void resolvesAConnectionStringValue() {
		this.environment.setProperty("WebPubSubConnectionString", CONNECTION_STRING);
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME)).get()
			.isInstanceOfSatisfying(ConnectionSettings.Value.class, (value) -> {
				assertThat(value.name()).isEqualTo("WebPubSubConnectionString");
				assertThat(value.connectionString().accessKey()).isEqualTo(KEY);
				assertThat(value.endpoint()).isEqualTo(URI.create("https://abc.webpubsub.azure.com"));
			});
	}

	@Test
	void prefersTheConnectionStringValueOverServiceUri() {
		this.environment.setProperty("WebPubSubConnectionString", CONNECTION_STRING);
		this.environment.setProperty("WebPubSubConnectionString.serviceUri", "https://other.webpubsub.azure.com");
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME)).get()
			.isInstanceOfSatisfying(ConnectionSettings.Value.class,
					(value) -> assertThat(value.endpoint()).isEqualTo(URI.create("https://abc.webpubsub.azure.com")));
	}

	@Test
	void resolvesServiceUriAsIdentityBasedWithTheFunctionsIdentityKeys() {
		this.environment.setProperty("WebPubSubConnectionString.serviceUri", "https://abc.webpubsub.azure.com/");
		this.environment.setProperty("WebPubSubConnectionString.credential", "managedidentity");
		this.environment.setProperty("WebPubSubConnectionString.clientId", "client");
		this.environment.setProperty("WebPubSubConnectionString.managedIdentityResourceId", "resource");
		this.environment.setProperty("WebPubSubConnectionString.tenantId", "tenant");
		this.environment.setProperty("WebPubSubConnectionString.clientSecret", "secret");
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME)).contains(new ConnectionSettings.Identity(
				"WebPubSubConnectionString", URI.create("https://abc.webpubsub.azure.com"), "managedidentity", "client",
				"resource", "tenant", "secret"));
	}

	@Test
	void matchesServiceUriCaseInsensitively() {
		this.environment.setProperty("CustomConnection.ServiceUri", "https://custom.webpubsub.azure.com");
		assertThat(resolve("CustomConnection")).get()
			.satisfies((settings) -> assertThat(settings.endpoint())
				.isEqualTo(URI.create("https://custom.webpubsub.azure.com")));
	}

	@Test
	void neverPrintsTheClientSecret() {
		this.environment.setProperty("WebPubSubConnectionString.serviceUri", "https://abc.webpubsub.azure.com");
		this.environment.setProperty("WebPubSubConnectionString.clientSecret", "top-secret");
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME).orElseThrow().toString()).doesNotContain("top-secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "WebPubSubConnectionString", "webpubsubconnectionstring", "web-pub-sub-connection-string",
			"webPubSubConnectionString" })
	void bindsRelaxedFormsOfTheName(String name) {
		this.environment.setProperty(name, CONNECTION_STRING);
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME)).isPresent();
	}

	@Test
	void bindsTheUpperCaseEnvironmentVariable() {
		systemEnvironment(Map.of("WEBPUBSUBCONNECTIONSTRING", CONNECTION_STRING));
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME)).get().isInstanceOf(ConnectionSettings.Value.class);
	}

	@Test
	void bindsTheUpperCaseServiceUriEnvironmentVariable() {
		systemEnvironment(Map.of("WEBPUBSUBCONNECTIONSTRING_SERVICEURI", "https://abc.webpubsub.azure.com",
				"WEBPUBSUBCONNECTIONSTRING_CLIENTID", "client"));
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME)).get()
			.isInstanceOfSatisfying(ConnectionSettings.Identity.class, (identity) -> {
				assertThat(identity.endpoint()).isEqualTo(URI.create("https://abc.webpubsub.azure.com"));
				assertThat(identity.clientId()).isEqualTo("client");
			});
	}

	@Test
	void bindsTheFunctionsDoubleUnderscoreFormOnceMapped() {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("WebPubSubConnectionString__serviceUri", "https://abc.webpubsub.azure.com");
		variables.put("WebPubSubConnectionString__credential", "managedidentity");
		systemEnvironment(variables);
		new FunctionsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(resolve(WebPubSubConnections.DEFAULT_NAME)).get()
			.isInstanceOfSatisfying(ConnectionSettings.Identity.class,
					(identity) -> assertThat(identity.credential()).isEqualTo("managedidentity"));
	}

	@Test
	void resolvesNamedConnections() {
		this.environment.setProperty("OtherConnection", "Endpoint=https://other.example;AccessKey=" + KEY);
		this.environment.setProperty("Keyless", "Endpoint=https://keyless.example");
		assertThat(resolve("OtherConnection")).get()
			.satisfies((settings) -> assertThat(settings.name()).isEqualTo("OtherConnection"));
		assertThat(resolve("Keyless")).get()
			.satisfies((settings) -> assertThat(OnWebPubSubConnectionCondition.isIdentityBased(settings)).isTrue());
		assertThat(resolve("Unknown")).isEmpty();
	}

	@Test
	void reportsAMalformedConnectionStringWithTheSettingNameButNotTheKey() {
		this.environment.setProperty("WebPubSubConnectionString", "AccessKey=" + KEY);
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> resolve(WebPubSubConnections.DEFAULT_NAME))
			.satisfies((ex) -> {
				assertThat(ex.getSettingName()).isEqualTo("WebPubSubConnectionString");
				assertThat(ex.getMessage()).contains("Required property not found in connection string: Endpoint")
					.doesNotContain(KEY);
			});
	}

	@Test
	void reportsAMalformedServiceUri() {
		this.environment.setProperty("WebPubSubConnectionString.serviceUri", "ftp://abc");
		assertThatExceptionOfType(InvalidConnectionSettingException.class)
			.isThrownBy(() -> resolve(WebPubSubConnections.DEFAULT_NAME))
			.satisfies((ex) -> {
				assertThat(ex.getSettingName()).isEqualTo("WebPubSubConnectionString.serviceUri");
				assertThat(ex.getProblem()).isEqualTo("Invalid serviceUri value: the scheme must be http or https.");
			});
	}

}
