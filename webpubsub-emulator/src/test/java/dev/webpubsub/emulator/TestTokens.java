package dev.webpubsub.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs tokens for tests independently of the emulator's own code.
 */
final class TestTokens {

	private TestTokens() {
	}

	static long inOneHour() {
		return Instant.now().getEpochSecond() + 3600;
	}

	/**
	 * Signs a claims JSON object with HS256.
	 * @param key the access key
	 * @param claimsJson the claims
	 * @return the token
	 */
	static String sign(String key, String claimsJson) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String input = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + encoder.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return input + "." + encoder.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates an unsigned token as a fake Entra ID credential would.
	 * @param claimsJson the claims
	 * @return the token
	 */
	static String unsigned(String claimsJson) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
	}

}
