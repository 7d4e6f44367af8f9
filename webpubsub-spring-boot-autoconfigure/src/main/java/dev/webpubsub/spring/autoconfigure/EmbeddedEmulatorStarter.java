package dev.webpubsub.spring.autoconfigure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.webpubsub.emulator.WebPubSubEmulator;

/**
 * Starts the embedded emulator on a thread of its own as soon as the bean definitions are known, so that its first
 * start (mostly loading Reactor Netty and opening the event loops) runs beside the rest of the application's
 * start-up rather than before the beans that need its endpoint. The emulator bean takes the started emulator;
 * settings and start failures surface there, as if the bean had started it. An emulator that no bean took is
 * stopped with the context.
 *
 * @author Web PubSub for Spring Boot team
 */
final class EmbeddedEmulatorStarter implements BeanFactoryPostProcessor, DisposableBean {

	private final Environment environment;

	private @Nullable CompletableFuture<WebPubSubEmulator> emulator;

	EmbeddedEmulatorStarter(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		start();
	}

	private synchronized CompletableFuture<WebPubSubEmulator> start() {
		CompletableFuture<WebPubSubEmulator> started = this.emulator;
		if (started == null) {
			started = startInBackground();
			this.emulator = started;
		}
		return started;
	}

	private CompletableFuture<WebPubSubEmulator> startInBackground() {
		WebPubSubEmulator.Builder builder;
		try {
			builder = builder(Binder.get(this.environment)
				.bindOrCreate("webpubsub.emulator", WebPubSubEmulatorProperties.class));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<WebPubSubEmulator> started = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				started.complete(builder.build().start());
			}
			catch (Throwable ex) {
				started.completeExceptionally(ex);
			}
		}, "webpubsub-emulator-start");
		thread.setDaemon(true);
		thread.start();
		return started;
	}

	private static WebPubSubEmulator.Builder builder(WebPubSubEmulatorProperties properties) {
		try {
			return WebPubSubEmulator.builder()
				.host("127.0.0.1")
				.port(properties.getPort())
				.accessKey(properties.getAccessKey())
				.allowUnvalidatedEntraTokens(properties.isAllowUnvalidatedEntraTokens());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid 'webpubsub.emulator' setting: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Waits for the emulator to listen, starting it here if the bean factory was not post-processed.
	 * @return the started emulator
	 */
	WebPubSubEmulator emulator() {
		try {
			return start().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	@Override
	public synchronized void destroy() {
		if (this.emulator != null) {
			this.emulator.thenAccept(WebPubSubEmulator::stop);
		}
	}

}
