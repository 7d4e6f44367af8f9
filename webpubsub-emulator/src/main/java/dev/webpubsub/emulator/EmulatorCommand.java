package dev.webpubsub.emulator;

import java.io.PrintStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Command line of the standalone emulator:
 * {@code java -jar webpubsub-emulator-<version>.jar [options]}. Prints one line with the connection string once
 * the server listens, then runs until the process is stopped. Bad arguments print a one-line error and exit with
 * status 2.
 */
public final class EmulatorCommand {

	static final String USAGE = """
			Usage: java -jar webpubsub-emulator.jar [options]
			  --port <port>                      port to listen on (default 8080, 0 for a free one)
			  --host <host>                      address to bind (default localhost)
			  --access-key <key>                 access key that tokens are signed with
			                                     (default ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH)
			  --upstream [hub=]<url-template>    event handler URL, {hub} and {event} are replaced; without hub=
			                                     it applies to every hub; repeatable, first match wins
			  --system-events <list>             system events sent upstream (default connect,connected,disconnected)
			  --user-events <pattern>            user events sent upstream: '*', a comma list, or '' (default '*')
			  --allow-unvalidated-entra-tokens   accept unsigned Entra ID style REST tokens (for local tests only)
			  --help                             print this help""";

	private static final Set<String> VALUED_OPTIONS = Set.of("--port", "--host", "--access-key", "--upstream",
			"--system-events", "--user-events");

	private EmulatorCommand() {
	}

	/**
	 * Runs the emulator until the process is stopped.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("error: " + ex.getMessage() + " (see --help)");
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.println(USAGE);
			return;
		}
		WebPubSubEmulator emulator;
		try {
			emulator = options.toBuilder().build().start();
		}
		catch (RuntimeException ex) {
			System.err.println("error: cannot start the emulator: " + ex.getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.stop();
			stopped.countDown();
		}, "webpubsub-emulator-shutdown"));
		printConnectionString(emulator, System.out);
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void printConnectionString(WebPubSubEmulator emulator, PrintStream out) {
		out.println("Connection string: " + emulator.connectionString());
		out.flush();
	}

	/**
	 * Parsed command line options.
	 *
	 * @param help whether help was asked for
	 * @param host the host to bind
	 * @param port the port
	 * @param accessKey the access key
	 * @param upstreams URL templates by hub ({@code null} key: every hub)
	 * @param systemEvents the system events, comma-separated
	 * @param userEvents the user event pattern
	 * @param allowUnvalidatedEntraTokens whether to accept unsigned Entra ID tokens
	 */
	record Options(boolean help, String host, int port, String accessKey,
			List<Map.Entry<@Nullable String, String>> upstreams, String systemEvents, String userEvents,
			boolean allowUnvalidatedEntraTokens) {

		static Options parse(String[] args) {
			boolean help = false;
			String host = "localhost";
			int port = 8080;
			String accessKey = WebPubSubEmulator.DEFAULT_ACCESS_KEY;
			List<Map.Entry<@Nullable String, String>> upstreams = new ArrayList<>();
			String systemEvents = "connect,connected,disconnected";
			String userEvents = "*";
			boolean allowEntra = false;
			for (int i = 0; i < args.length; i++) {
				String option = args[i];
				String value = null;
				int equals = option.indexOf('=');
				if (option.startsWith("--") && equals > 0) {
					value = option.substring(equals + 1);
					option = option.substring(0, equals);
				}
				if (VALUED_OPTIONS.contains(option) && value == null) {
					if (++i >= args.length) {
						throw new IllegalArgumentException(option + " needs a value");
					}
					value = args[i];
				}
				switch (option) {
					case "--help", "-h" -> help = true;
					case "--allow-unvalidated-entra-tokens" -> allowEntra = true;
					case "--port" -> port = port(value);
					case "--host" -> host = value;
					case "--access-key" -> accessKey = value;
					case "--upstream" -> upstreams.add(upstream(value));
					case "--system-events" -> systemEvents = value;
					case "--user-events" -> userEvents = value;
					default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
				}
			}
			if (accessKey.isEmpty()) {
				throw new IllegalArgumentException("--access-key must not be empty");
			}
			Options options = new Options(help, host, port, accessKey, upstreams, systemEvents, userEvents,
					allowEntra);
			options.handlers();
			return options;
		}

		WebPubSubEmulator.Builder toBuilder() {
			WebPubSubEmulator.Builder builder = WebPubSubEmulator.builder()
				.host(this.host)
				.port(this.port)
				.accessKey(this.accessKey)
				.allowUnvalidatedEntraTokens(this.allowUnvalidatedEntraTokens);
			Map<@Nullable String, List<EventHandlerSettings>> handlers = handlers();
			List<EventHandlerSettings> defaults = handlers.remove(null);
			if (defaults != null) {
				builder.defaultEventHandlers(defaults);
			}
			handlers.forEach((hub, list) -> builder.hub(hub, list));
			return builder;
		}

		private Map<@Nullable String, List<EventHandlerSettings>> handlers() {
			Map<@Nullable String, List<EventHandlerSettings>> handlers = new LinkedHashMap<>();
			for (Map.Entry<@Nullable String, String> upstream : this.upstreams) {
				EventHandlerSettings settings;
				try {
					settings = EventHandlerSettings.of(upstream.getValue(), this.userEvents, this.systemEvents);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("--upstream: " + ex.getMessage()
						.replace("'urlTemplate'", "the URL template")
						.replace("'systemEvents'", "--system-events"));
				}
				handlers.computeIfAbsent(upstream.getKey(), (hub) -> new ArrayList<>()).add(settings);
			}
			// Hub-specific handlers come first; handlers for every hub apply after them.
			List<EventHandlerSettings> defaults = handlers.get(null);
			if (defaults != null) {
				handlers.forEach((hub, list) -> {
					if (hub != null) {
						list.addAll(defaults);
					}
				});
			}
			return handlers;
		}

		private static int port(String value) {
			try {
				int port = Integer.parseInt(value);
				if (port >= 0 && port <= 65535) {
					return port;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException("--port must be a number from 0 to 65535, not '" + value + "'");
		}

		private static Map.Entry<@Nullable String, String> upstream(String value) {
			int equals = value.indexOf('=');
			if (equals > 0) {
				String prefix = value.substring(0, equals);
				if (!prefix.contains(":") && !prefix.contains("/")) {
					if (!EmulatedService.isValidHubName(prefix)) {
						throw new IllegalArgumentException("--upstream: invalid hub name '" + prefix + "'");
					}
					return new AbstractMap.SimpleImmutableEntry<>(prefix, value.substring(equals + 1));
				}
			}
			return new AbstractMap.SimpleImmutableEntry<>(null, value);
		}

	}

}
