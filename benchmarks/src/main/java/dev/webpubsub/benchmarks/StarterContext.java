package dev.webpubsub.benchmarks;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a non-web application context with the starter's auto-configuration, so that benchmarks use the beans an
 * application gets (the template on Boot's {@code WebClient.Builder}, {@code ClientAccessTokens}, ...).
 *
 * @author Web PubSub for Spring Boot team
 */
public final class StarterContext {

	private StarterContext() {
	}

	/**
	 * Starts a context for the given connection string and the {@link BenchmarkKeys#HUB benchmark hub}.
	 * @param connectionString the connection string
	 * @param sources further configuration classes
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(String connectionString, Class<?>... sources) {
		return new SpringApplicationBuilder(Application.class).sources(sources)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(Map.of("WebPubSubConnectionString", connectionString, "WebPubSubHub", BenchmarkKeys.HUB))
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
