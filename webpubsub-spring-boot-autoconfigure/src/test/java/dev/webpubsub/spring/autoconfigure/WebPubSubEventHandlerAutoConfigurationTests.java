package dev.webpubsub.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.webpubsub.spring.handler.WebPubSubEventHandlerMappings;
import dev.webpubsub.spring.handler.WebPubSubEventPipeline;

import static org.assertj.core.api.Assertions.assertThat;

class WebPubSubEventHandlerAutoConfigurationTests {

	static final String CONNECTION = "WebPubSubConnectionString=Endpoint=http://localhost;Port=8080;AccessKey=key;Version=1.0;";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(WebPubSubAutoConfiguration.class, WebPubSubEventHandlerAutoConfiguration.class));

	@Test
	void backsOffWithoutConnection() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(WebPubSubEventPipeline.class));
	}

	@Test
	void createsPipelineWithConnection() {
		this.contextRunner.withPropertyValues(CONNECTION).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(WebPubSubEventPipeline.class)
				.hasSingleBean(WebPubSubEventHandlerMappings.class);
		});
	}

}
