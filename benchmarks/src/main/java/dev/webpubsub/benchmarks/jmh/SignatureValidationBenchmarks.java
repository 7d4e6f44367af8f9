package dev.webpubsub.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import dev.webpubsub.benchmarks.BenchmarkKeys;
import dev.webpubsub.benchmarks.HandRolledTokens;
import dev.webpubsub.spring.token.Hs256JwtSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Webhook signature validation of one {@code ce-signature} header with two signatures (primary and secondary key,
 * the valid one second): a hand-written check (new {@code Mac} per call, {@code String.format} hex, string
 * comparison) and the same check with the starter's signer, whose key pads are hashed once.
 *
 * @author Web PubSub for Spring Boot team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SignatureValidationBenchmarks {

	private static final String CONNECTION_ID = "bench-connection-1";

	private String header;

	private Hs256JwtSigner signer;

	/**
	 * Builds the header with a signature of another key first and the valid one second.
	 */
	@Setup
	public void setUp() {
		this.signer = new Hs256JwtSigner(BenchmarkKeys.ACCESS_KEY);
		this.header = HandRolledTokens.signature(CONNECTION_ID, "secondary-key-the-app-does-not-hold") + ","
				+ HandRolledTokens.signature(CONNECTION_ID, BenchmarkKeys.ACCESS_KEY);
	}

	/**
	 * A hand-written check.
	 * @return whether the signature is valid
	 */
	@Benchmark
	public boolean handRolled() {
		String expected = HandRolledTokens.signature(CONNECTION_ID, BenchmarkKeys.ACCESS_KEY);
		for (String signature : this.header.split(",")) {
			if (signature.trim().equals(expected)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The same check with the starter's signer.
	 * @return whether the signature is valid
	 */
	@Benchmark
	public boolean starter() {
		byte[] expected = ("sha256=" + HexFormat.of()
			.formatHex(this.signer.hmac(CONNECTION_ID.getBytes(StandardCharsets.UTF_8))))
			.getBytes(StandardCharsets.US_ASCII);
		for (String signature : this.header.split(",")) {
			if (MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
				return true;
			}
		}
		return false;
	}

}
