package dev.webpubsub.benchmarks;

/**
 * Fixed settings shared by the benchmarks, the load drivers and the wrk script, so that every side signs and
 * verifies with the same key.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class BenchmarkKeys {

	/** Access key of the benchmark connection (the emulator's default key). */
	public static final String ACCESS_KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	/** Hub every benchmark uses. */
	public static final String HUB = "bench";

	/** Host of the benchmark service endpoint; webhook requests carry it as {@code WebHook-Request-Origin}. */
	public static final String SERVICE_HOST = "bench.webpubsub.azure.com";

	/** Connection string of the benchmark service. */
	public static final String CONNECTION_STRING = "Endpoint=https://" + SERVICE_HOST + ";AccessKey=" + ACCESS_KEY
			+ ";Version=1.0;";

	private BenchmarkKeys() {
	}

	/**
	 * Returns the connection string of a service listening on loopback.
	 * @param port the port
	 * @return the connection string
	 */
	public static String loopbackConnectionString(int port) {
		return "Endpoint=http://127.0.0.1:" + port + ";AccessKey=" + ACCESS_KEY + ";Version=1.0;";
	}

}
