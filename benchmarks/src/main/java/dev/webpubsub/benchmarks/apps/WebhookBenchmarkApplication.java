package dev.webpubsub.benchmarks.apps;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;

/**
 * Webhook application for the wrk runs and the start-up measurements. Property {@code bench.variant} picks the
 * endpoint: {@code starter} (a {@code @WebPubSubEventHandler} method behind the starter's webhook) or {@code bare}
 * (a hand-written {@code @PostMapping} that verifies the signature itself, with the starter's auto-configurations
 * excluded); {@code spring.main.web-application-type} picks the stack. With {@code bench.exit-on-ready=true} it
 * prints its start-up time and exits; with {@code bench.startup-steps=true} it also prints its slowest bean
 * instantiations.
 *
 * @author Web PubSub for Spring Boot team
 */
@SpringBootApplication
public class WebhookBenchmarkApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments, such as {@code --bench.variant=bare}
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WebhookBenchmarkApplication.class);
		List<String> arguments = List.of(args);
		if (arguments.contains("--bench.variant=bare") || arguments.contains("--bench.starter=false")) {
			application.setDefaultProperties(Map.of("spring.autoconfigure.exclude", starterAutoConfigurations()));
		}
		BufferingApplicationStartup steps = arguments.contains("--bench.startup-steps=true")
				? new BufferingApplicationStartup(100_000) : null;
		if (steps != null) {
			application.setApplicationStartup(steps);
		}
		application.addListeners(new StartupReport(arguments.contains("--bench.exit-on-ready=true"), steps));
		application.run(args);
	}

	/**
	 * Lists the starter's auto-configurations as found on the class path, so that new ones are excluded too.
	 * @return the class names, comma-separated
	 */
	static String starterAutoConfigurations() {
		return ImportCandidates.load(AutoConfiguration.class, WebhookBenchmarkApplication.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.webpubsub."))
			.collect(Collectors.joining(","));
	}

	/**
	 * Prints the time from JVM start to a ready application, and optionally exits.
	 */
	static final class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

		private final boolean exit;

		private final @Nullable BufferingApplicationStartup steps;

		StartupReport(boolean exit, @Nullable BufferingApplicationStartup steps) {
			this.exit = exit;
			this.steps = steps;
		}

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
			String server = (event.getApplicationContext() instanceof WebServerApplicationContext web)
					? web.getWebServer().getClass().getSimpleName() : "none";
			// CPU times depend less on the load of a shared machine than the wall-clock time does.
			long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
			long processCpu = (ManagementFactory
				.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
						? os.getProcessCpuTime() / 1_000_000 : -1;
			System.out.println("bench.startup-ms=" + sinceJvmStart + " bench.context-ms="
					+ event.getTimeTaken().toMillis() + " bench.server=" + server + " bench.main-cpu-ms=" + mainCpu
					+ " bench.process-cpu-ms=" + processCpu);
			if (this.steps != null) {
				printSlowestBeans(this.steps.getBufferedTimeline());
			}
			if (this.exit) {
				System.exit(SpringApplication.exit(event.getApplicationContext()));
			}
		}

		/**
		 * Prints the slowest bean instantiations (a bean's time includes the beans it pulls in).
		 */
		private static void printSlowestBeans(StartupTimeline timeline) {
			timeline.getEvents()
				.stream()
				.filter((step) -> step.getStartupStep().getName().equals("spring.beans.instantiate"))
				.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
				.limit(40)
				.forEach((step) -> {
					String bean = "?";
					for (StartupStep.Tag tag : step.getStartupStep().getTags()) {
						if (tag.getKey().equals("beanName")) {
							bean = tag.getValue();
						}
					}
					System.out.println("bench.bean-ms=" + step.getDuration().toMillis() + " " + bean);
				});
		}

	}

}
