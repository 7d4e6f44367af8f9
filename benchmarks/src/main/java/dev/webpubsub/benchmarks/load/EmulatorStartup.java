package dev.webpubsub.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import dev.webpubsub.benchmarks.BenchmarkKeys;
import dev.webpubsub.emulator.WebPubSubEmulator;

/**
 * Start-up time of the emulator through its Java API, as the embedded auto-configuration starts it: the first
 * {@code start()} in a fresh JVM (cold, class loading included), then the median of further start/stop cycles in
 * the same JVM (warm).
 * <p>
 * Usage: {@code EmulatorStartup <warm-runs>}. Prints one line:
 * {@code bench.emulator-start cold-ms=.. since-jvm-start-ms=.. warm-median-ms=..}.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class EmulatorStartup {

	private EmulatorStartup() {
	}

	/**
	 * Runs the measurement.
	 * @param args the number of warm runs
	 */
	public static void main(String[] args) {
		int warmRuns = Integer.parseInt(args[0]);
		long cold = startAndStop();
		long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
		double[] warm = new double[warmRuns];
		for (int i = 0; i < warmRuns; i++) {
			warm[i] = startAndStop() / 1e6;
		}
		Arrays.sort(warm);
		System.out.printf("bench.emulator-start cold-ms=%.1f since-jvm-start-ms=%d warm-median-ms=%.1f%n", cold / 1e6,
				sinceJvmStart, (warmRuns > 0) ? warm[warmRuns / 2] : Double.NaN);
	}

	private static long startAndStop() {
		long start = System.nanoTime();
		WebPubSubEmulator emulator = WebPubSubEmulator.builder()
			.host("127.0.0.1")
			.port(0)
			.accessKey(BenchmarkKeys.ACCESS_KEY)
			.build()
			.start();
		long elapsed = System.nanoTime() - start;
		emulator.stop();
		return elapsed;
	}

}
