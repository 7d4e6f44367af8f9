package dev.webpubsub.spring.autoconfigure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FunctionsEnvironmentPostProcessor}.
 */
class FunctionsEnvironmentPostProcessorTests {

	@Test
	void mapsDoubleUnderscoreVariablesToDottedNames() {
		StandardEnvironment environment = environment(Map.of("WebPubSubConnectionString__serviceUri",
				"https://abc.webpubsub.azure.com", "Other__Nested__Key", "x", "PATH", "/bin"));
		new FunctionsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("WebPubSubConnectionString.serviceUri"))
			.isEqualTo("https://abc.webpubsub.azure.com");
		assertThat(environment.getProperty("Other.Nested.Key")).isEqualTo("x");
		assertThat(environment.getPropertySources().get(FunctionsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)
			.containsProperty("PATH")).isFalse();
	}

	@Test
	void addsNothingWithoutDoubleUnderscoreVariables() {
		StandardEnvironment environment = environment(Map.of("PATH", "/bin", "__LEADING", "x"));
		new FunctionsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(FunctionsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void ranksTheMappedVariablesLikeTheEnvironment() {
		StandardEnvironment environment = environment(Map.of("Setting__Key", "from-environment"));
		new FunctionsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		MutablePropertySources sources = environment.getPropertySources();
		assertThat(sources.precedenceOf(sources.get(FunctionsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)))
			.isEqualTo(sources.precedenceOf(sources.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) + 1);
	}

	@Test
	void letsAnApplicationStartWithAFunctionsIdentitySetting() {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("WebPubSubConnectionString__serviceUri", "https://abc.webpubsub.azure.com");
		variables.put("WebPubSubConnectionString__credential", "managedidentity");
		variables.put("WebPubSubHub", "chat");
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environment(variables));
		try (ConfigurableApplicationContext context = application.run()) {
			WebPubSubConnection connection = context.getBean(WebPubSubConnections.class).getDefault();
			assertThat(connection.isIdentityBased()).isTrue();
			assertThat(connection.endpoint()).isEqualTo(URI.create("https://abc.webpubsub.azure.com"));
			assertThat(context.getBean(WebPubSubFunctionsProperties.class).getWebPubSubHub()).isEqualTo("chat");
		}
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		return new StandardEnvironment() {

			@Override
			protected void customizePropertySources(MutablePropertySources propertySources) {
				propertySources.addLast(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						variables));
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(WebPubSubAutoConfiguration.class)
	static class Config {

	}

}
