package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.ManagedIdentityCredential;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.webpubsub.spring.connection.EntraTokenProvider;
import dev.webpubsub.spring.connection.TokenCredentialEntraTokenProvider;
import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link WebPubSubAutoConfiguration}.
 */
class WebPubSubAutoConfigurationTests {

	private static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	private static final String CONNECTION_STRING = "WebPubSubConnectionString=Endpoint=https://abc.webpubsub.azure.com;"
			+ "AccessKey=" + KEY + ";Version=1.0;";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebPubSubAutoConfiguration.class));

	@Nested
	class WithoutConnection {

		@Test
		void createsOnlyAnEmptyRegistry() {
			WebPubSubAutoConfigurationTests.this.contextRunner.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(WebPubSubConnectionDetails.class)
					.doesNotHaveBean(TokenCredential.class)
					.doesNotHaveBean(EntraTokenProvider.class)
					.hasSingleBean(WebPubSubConnections.class);
				WebPubSubConnections connections = context.getBean(WebPubSubConnections.class);
				assertThat(connections.find(WebPubSubConnections.DEFAULT_NAME)).isEmpty();
				assertThat(connections.all()).isEmpty();
				assertThatIllegalStateException().isThrownBy(connections::getDefault)
					.withMessageContaining("'WebPubSubConnectionString'")
					.withMessageContaining("'WebPubSubConnectionString.serviceUri'");
			});
		}

		@Test
		void bindsTheDefaultHub() {
			WebPubSubAutoConfigurationTests.this.contextRunner.withPropertyValues("WebPubSubHub=chat")
				.run((context) -> assertThat(context.getBean(WebPubSubFunctionsProperties.class).getWebPubSubHub())
					.isEqualTo("chat"));
		}

	}

	@Nested
	class WithConnectionString {

		@Test
		void createsDetailsAndAnAccessKeyConnection() {
			WebPubSubAutoConfigurationTests.this.contextRunner.withPropertyValues(CONNECTION_STRING).run((context) -> {
				assertThat(context).hasSingleBean(PropertiesWebPubSubConnectionDetails.class)
					.doesNotHaveBean(TokenCredential.class);
				WebPubSubConnectionDetails details = context.getBean(WebPubSubConnectionDetails.class);
				assertThat(details.getEndpoint()).isEqualTo(URI.create("https://abc.webpubsub.azure.com"));
				assertThat(details.getAccessKey()).isEqualTo(KEY);
				WebPubSubConnection connection = context.getBean(WebPubSubConnections.class).getDefault();
				assertThat(connection.isIdentityBased()).isFalse();
				assertThat(connection.accessKey()).isEqualTo(KEY);
				assertThat(connection.name()).isEqualTo(WebPubSubConnections.DEFAULT_NAME);
			});
		}

		@Test
		void resolvesTheDefaultConnectionByAnyRelaxedName() {
			WebPubSubAutoConfigurationTests.this.contextRunner.withPropertyValues(CONNECTION_STRING).run((context) -> {
				WebPubSubConnections connections = context.getBean(WebPubSubConnections.class);
				assertThat(connections.find("web-pub-sub-connection-string")).contains(connections.getDefault());
				assertThat(connections.find("webpubsubconnectionstring")).contains(connections.getDefault());
			});
		}

		@Test
		void bindsTheConnectionStringProperty() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("web-pub-sub-connection-string=Endpoint=https://abc;AccessKey=" + KEY)
				.run((context) -> {
					assertThat(context.getBean(WebPubSubFunctionsProperties.class).getWebPubSubConnectionString())
						.isEqualTo("Endpoint=https://abc;AccessKey=" + KEY);
					assertThat(context.getBean(WebPubSubFunctionsProperties.class).toString()).doesNotContain(KEY);
				});
		}

		@Test
		void treatsAKeylessConnectionStringAsIdentityBased() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("WebPubSubConnectionString=Endpoint=https://abc.webpubsub.azure.com")
				.run((context) -> {
					assertThat(context).hasSingleBean(TokenCredential.class).hasSingleBean(EntraTokenProvider.class);
					assertThat(context.getBean(TokenCredential.class)).isInstanceOf(DefaultAzureCredential.class);
					assertThat(context.getBean(WebPubSubConnections.class).getDefault().isIdentityBased()).isTrue();
				});
		}

		@Test
		void asksForNoAzureClassForAnAccessKeyConnection() {
			AzureClassRecordingClassLoader classLoader = new AzureClassRecordingClassLoader();
			WebPubSubAutoConfigurationTests.this.contextRunner.withClassLoader(classLoader)
				.withPropertyValues(CONNECTION_STRING, "Other=Endpoint=https://other.example;AccessKey=" + KEY)
				.run((context) -> {
					assertThat(context.getBean(WebPubSubConnections.class).get("Other").accessKey()).isEqualTo(KEY);
					assertThat(classLoader.requested).isEmpty();
				});
		}

		@Test
		void keepsAnAccessKeyConnectionWhenTheApplicationDefinesACredential() {
			WebPubSubAutoConfigurationTests.this.contextRunner.withPropertyValues(CONNECTION_STRING)
				.withUserConfiguration(UserCredentialConfiguration.class)
				.run((context) -> assertThat(context.getBean(WebPubSubConnections.class).getDefault().accessKey())
					.isEqualTo(KEY));
		}

	}

	@Nested
	class WithServiceUri {

		@Test
		void createsAnIdentityBasedConnectionWithDefaultAzureCredential() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com")
				.run((context) -> {
					assertThat(context).hasSingleBean(WebPubSubConnectionDetails.class);
					assertThat(context.getBean(WebPubSubConnectionDetails.class).getAccessKey()).isNull();
					assertThat(context.getBean(TokenCredential.class)).isInstanceOf(DefaultAzureCredential.class);
					WebPubSubConnection connection = context.getBean(WebPubSubConnections.class).getDefault();
					assertThat(connection.isIdentityBased()).isTrue();
					assertThat(connection.endpoint()).isEqualTo(URI.create("https://abc.webpubsub.azure.com"));
					assertThat(connection.entraTokens()).isSameAs(context.getBean(EntraTokenProvider.class));
				});
		}

		@Test
		void buildsAManagedIdentityCredential() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com",
						"WebPubSubConnectionString.credential=managedidentity",
						"WebPubSubConnectionString.clientId=00000000-0000-0000-0000-000000000000")
				.run((context) -> assertThat(context.getBean(TokenCredential.class))
					.isInstanceOf(ManagedIdentityCredential.class));
		}

		@Test
		void buildsAClientSecretCredential() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com",
						"WebPubSubConnectionString.tenantId=00000000-0000-0000-0000-000000000001",
						"WebPubSubConnectionString.clientId=00000000-0000-0000-0000-000000000002",
						"WebPubSubConnectionString.clientSecret=secret")
				.run((context) -> assertThat(context.getBean(TokenCredential.class))
					.isInstanceOf(ClientSecretCredential.class));
		}

		@Test
		void prefersTheConnectionStringValue() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues(CONNECTION_STRING,
						"WebPubSubConnectionString.serviceUri=https://other.webpubsub.azure.com")
				.run((context) -> {
					assertThat(context).doesNotHaveBean(TokenCredential.class);
					assertThat(context.getBean(WebPubSubConnections.class).getDefault().endpoint())
						.isEqualTo(URI.create("https://abc.webpubsub.azure.com"));
				});
		}

		@Test
		void usesTheApplicationCredential() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com")
				.withUserConfiguration(UserCredentialConfiguration.class)
				.run((context) -> {
					assertThat(context).hasSingleBean(TokenCredential.class);
					assertThat(context.getBean(TokenCredentialEntraTokenProvider.class).getCredential())
						.isSameAs(context.getBean("userCredential"));
					StepVerifier.create(context.getBean(WebPubSubConnections.class).getDefault().entraTokens().getToken())
						.expectNext("user-token")
						.verifyComplete();
				});
		}

		@Test
		void failsWithAReportWithoutAzureIdentity() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withClassLoader(new FilteredClassLoader("com.azure.identity"))
				.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com")
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(InvalidConnectionSettingException.class)
					.hasMessageContaining("com.azure:azure-identity"));
		}

	}

	@Nested
	class NamedConnections {

		@Test
		void resolveFromTheEnvironmentOnFirstUse() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("Other=Endpoint=https://other.example;AccessKey=" + KEY,
						"Custom.serviceUri=https://custom.webpubsub.azure.com",
						"Keyless=Endpoint=https://keyless.example")
				.run((context) -> {
					WebPubSubConnections connections = context.getBean(WebPubSubConnections.class);
					assertThat(connections.all()).isEmpty();
					assertThat(connections.get("Other").accessKey()).isEqualTo(KEY);
					assertThat(connections.get("Custom").isIdentityBased()).isTrue();
					assertThat(connections.get("Keyless").isIdentityBased()).isTrue();
					assertThat(connections.find("Missing")).isEmpty();
					assertThat(connections.all()).extracting(WebPubSubConnection::name)
						.containsExactlyInAnyOrder("Other", "Custom", "Keyless");
				});
		}

		@Test
		void useTheApplicationCredential() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("Custom.serviceUri=https://custom.webpubsub.azure.com")
				.withUserConfiguration(UserCredentialConfiguration.class)
				.run((context) -> StepVerifier
					.create(context.getBean(WebPubSubConnections.class).get("Custom").entraTokens().getToken())
					.expectNext("user-token")
					.verifyComplete());
		}

		@Test
		void buildTheirOwnCredentialWhenOnlyTheDefaultConnectionHasOne() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com",
						"Custom.serviceUri=https://custom.webpubsub.azure.com", "Custom.credential=managedidentity")
				.run((context) -> {
					EntraTokenProvider tokens = context.getBean(WebPubSubConnections.class).get("Custom").entraTokens();
					assertThat(tokens).isInstanceOfSatisfying(TokenCredentialEntraTokenProvider.class,
							(provider) -> assertThat(provider.getCredential())
								.isInstanceOf(ManagedIdentityCredential.class));
				});
		}

		@Test
		void reportAMalformedValueWhenAskedFor() {
			WebPubSubAutoConfigurationTests.this.contextRunner.withPropertyValues("Other=AccessKey=" + KEY)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(catchThrowable(
							() -> context.getBean(WebPubSubConnections.class).find("Other")))
						.isInstanceOf(InvalidConnectionSettingException.class)
						.hasMessageContaining("'Other'")
						.message()
						.doesNotContain(KEY);
				});
		}

	}

	@Nested
	class UserBeans {

		@Test
		void connectionDetailsReplaceTheProperties() {
			WebPubSubAutoConfigurationTests.this.contextRunner.withPropertyValues(CONNECTION_STRING)
				.withUserConfiguration(UserDetailsConfiguration.class)
				.run((context) -> {
					assertThat(context).hasSingleBean(WebPubSubConnectionDetails.class)
						.doesNotHaveBean(PropertiesWebPubSubConnectionDetails.class);
					WebPubSubConnection connection = context.getBean(WebPubSubConnections.class).getDefault();
					assertThat(connection.endpoint()).isEqualTo(URI.create("http://127.0.0.1:7070"));
					assertThat(connection.accessKey()).isEqualTo("user-key");
				});
		}

		@Test
		void connectionDetailsWithoutConfiguration() {
			WebPubSubAutoConfigurationTests.this.contextRunner.withUserConfiguration(UserDetailsConfiguration.class)
				.run((context) -> assertThat(context.getBean(WebPubSubConnections.class).getDefault().endpoint())
					.isEqualTo(URI.create("http://127.0.0.1:7070")));
		}

		@Test
		void keylessConnectionDetailsGetADefaultCredential() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withBean(WebPubSubConnectionDetails.class, () -> details("https://abc.webpubsub.azure.com", null))
				.run((context) -> {
					WebPubSubConnection connection = context.getBean(WebPubSubConnections.class).getDefault();
					assertThat(connection.isIdentityBased()).isTrue();
					assertThat(connection.entraTokens()).isNotNull();
				});
		}

		@Test
		void entraTokenProviderReplacesTheBuiltOne() {
			EntraTokenProvider provider = () -> Mono.just("custom");
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("WebPubSubConnectionString.serviceUri=https://abc.webpubsub.azure.com")
				.withBean(EntraTokenProvider.class, () -> provider)
				.run((context) -> assertThat(context.getBean(WebPubSubConnections.class).getDefault().entraTokens())
					.isSameAs(provider));
		}

		@Test
		void registryReplacesTheBuiltOne() {
			WebPubSubConnections registry = new EnvironmentWebPubSubConnections(null, null, null, (settings) -> null);
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withBean("customRegistry", WebPubSubConnections.class, () -> registry)
				.run((context) -> assertThat(context.getBean(WebPubSubConnections.class)).isSameAs(registry));
		}

	}

	@Nested
	class FailureReports {

		@Test
		void namesThePropertyAndTheFixButNotTheKey() {
			WebPubSubAutoConfigurationTests.this.contextRunner.withPropertyValues("WebPubSubConnectionString=AccessKey=" + KEY)
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new InvalidConnectionSettingFailureAnalyzer()
						.analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription()).contains("'WebPubSubConnectionString'")
						.contains("Required property not found in connection string: Endpoint")
						.doesNotContain(KEY);
					assertThat(analysis.getAction()).contains("Update 'WebPubSubConnectionString'")
						.contains("Endpoint=https://<resource>.webpubsub.azure.com;AccessKey=<key>")
						.contains("'WebPubSubConnectionString.serviceUri'")
						.doesNotContain(KEY);
				});
		}

		@Test
		void neverPrintsAKeyThatRanIntoAnotherEntry() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("WebPubSubConnectionString=Endpoint=https://x.example;Port=443AccessKey=" + KEY)
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(KEY);
					FailureAnalysis analysis = new InvalidConnectionSettingFailureAnalyzer()
						.analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription()).contains("Invalid Port value").doesNotContain(KEY);
					assertThat(analysis.getAction()).doesNotContain(KEY);
				});
		}

		@Test
		void namesAMalformedServiceUri() {
			WebPubSubAutoConfigurationTests.this.contextRunner
				.withPropertyValues("WebPubSubConnectionString.serviceUri=abc.webpubsub.azure.com")
				.run((context) -> {
					FailureAnalysis analysis = new InvalidConnectionSettingFailureAnalyzer()
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("'WebPubSubConnectionString.serviceUri'")
						.contains("scheme must be http or https");
					assertThat(analysis.getAction()).contains("https://<resource>.webpubsub.azure.com");
				});
		}

		@Test
		void isRegistered() {
			// Analyzers of modules that are not on the test class path cannot be created; only ours matters here.
			assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
				.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, failure) -> {
				}))).hasAtLeastOneElementOfType(InvalidConnectionSettingFailureAnalyzer.class);
		}

	}

	static WebPubSubConnectionDetails details(String endpoint, @Nullable String accessKey) {
		return new WebPubSubConnectionDetails() {

			@Override
			public URI getEndpoint() {
				return URI.create(endpoint);
			}

			@Override
			public @Nullable String getAccessKey() {
				return accessKey;
			}

		};
	}

	/**
	 * Records which azure classes the auto-configuration asks for: their jars are signed, so loading any of them
	 * verifies the signatures at start-up.
	 */
	static final class AzureClassRecordingClassLoader extends ClassLoader {

		final Set<String> requested = ConcurrentHashMap.newKeySet();

		AzureClassRecordingClassLoader() {
			super(WebPubSubAutoConfigurationTests.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("com.azure.")) {
				this.requested.add(name);
			}
			return super.loadClass(name, resolve);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCredentialConfiguration {

		@Bean
		TokenCredential userCredential() {
			return (request) -> Mono.just(new AccessToken("user-token", OffsetDateTime.now().plusHours(1)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserDetailsConfiguration {

		@Bean
		WebPubSubConnectionDetails userConnectionDetails() {
			return details("http://127.0.0.1:7070", "user-key");
		}

	}

}
