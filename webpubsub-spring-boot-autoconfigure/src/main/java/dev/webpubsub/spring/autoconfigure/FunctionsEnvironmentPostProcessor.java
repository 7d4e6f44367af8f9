package dev.webpubsub.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Maps the Azure Functions form of nested settings in environment variables, where a double underscore separates
 * the levels ({@code WebPubSubConnectionString__serviceUri}), to the dotted names that Spring binds
 * ({@code WebPubSubConnectionString.serviceUri}), so that Functions app settings move over unchanged. The mapped
 * source sits right after the system environment and so has the same precedence.
 *
 * @author Web PubSub for Spring Boot team
 */
public class FunctionsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Name of the property source that holds the mapped variables.
	 */
	public static final String PROPERTY_SOURCE_NAME = "webPubSubFunctionsEnvironment";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		PropertySource<?> systemEnvironment = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		if (!(systemEnvironment instanceof EnumerablePropertySource<?> variables)) {
			return;
		}
		Map<String, Object> mapped = new LinkedHashMap<>();
		for (String name : variables.getPropertyNames()) {
			if (name.contains("__") && !name.startsWith("__")) {
				Object value = variables.getProperty(name);
				if (value != null) {
					mapped.put(name.replace("__", "."), value);
				}
			}
		}
		if (!mapped.isEmpty()) {
			environment.getPropertySources()
				.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new MapPropertySource(PROPERTY_SOURCE_NAME, mapped));
		}
	}

}
