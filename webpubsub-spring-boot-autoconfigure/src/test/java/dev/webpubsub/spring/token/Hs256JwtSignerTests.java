package dev.webpubsub.spring.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signer's HMAC, computed on pre-padded digests, against the JDK's {@code HmacSHA256}.
 */
class Hs256JwtSignerTests {

	private static final String EMULATOR_KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	@ParameterizedTest
	@ValueSource(strings = { "k", EMULATOR_KEY, "exactly-sixty-four-bytes-of-key-material-for-one-sha256-block!!!",
			"a key longer than one SHA-256 block of sixty-four bytes is hashed first, as RFC 2104 says", "schlüssel" })
	void computesTheSameCodeAsTheJdkMacForKeysOfEveryLength(String key) throws Exception {
		Hs256JwtSigner signer = new Hs256JwtSigner(key);
		for (String data : new String[] { "", "conn-1", "x".repeat(55), "x".repeat(64), "y".repeat(1000) }) {
			byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
			assertThat(signer.hmac(bytes)).as("key %s, %d bytes", key, bytes.length).isEqualTo(jdkMac(key, bytes));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "k", EMULATOR_KEY })
	void signsTheHeaderAndPayloadOfTheToken(String key) throws Exception {
		String token = new Hs256JwtSigner(key).sign("{\"aud\":\"https://host/client/hubs/chat\",\"exp\":1}");
		String[] parts = token.split("\\.");
		assertThat(parts).hasSize(3);
		assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
			.isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
		assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
			.isEqualTo("{\"aud\":\"https://host/client/hubs/chat\",\"exp\":1}");
		byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
		assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(jdkMac(key, signingInput));
	}

	@ParameterizedTest
	@ValueSource(strings = { "k", EMULATOR_KEY })
	void isSafeToShareBetweenCalls(String key) throws Exception {
		Hs256JwtSigner signer = new Hs256JwtSigner(key);
		byte[] first = signer.hmac("one".getBytes(StandardCharsets.UTF_8));
		signer.hmac("two".getBytes(StandardCharsets.UTF_8));
		assertThat(signer.hmac("one".getBytes(StandardCharsets.UTF_8))).isEqualTo(first);
	}

	private static byte[] jdkMac(String key, byte[] data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(data);
	}

}
