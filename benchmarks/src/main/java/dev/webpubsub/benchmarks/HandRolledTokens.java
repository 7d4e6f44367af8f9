package dev.webpubsub.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a developer writes by hand to mint a Web PubSub client access URL: a new {@link Mac} per call, Base64 and
 * string concatenation. The baseline that the starter's token minting is compared with.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class HandRolledTokens {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private HandRolledTokens() {
	}

	/**
	 * Mints a client access URL for a user with the given roles.
	 * @param host the service host
	 * @param hub the hub
	 * @param accessKey the access key
	 * @param userId the user id
	 * @param role the one role granted
	 * @param lifetimeSeconds how long the token is valid
	 * @return the client access URL
	 */
	public static String clientAccessUrl(String host, String hub, String accessKey, String userId, String role,
			long lifetimeSeconds) {
		long now = System.currentTimeMillis() / 1000;
		String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
		String payload = encode("{\"aud\":\"https://" + host + "/client/hubs/" + hub + "\",\"iat\":" + now + ",\"exp\":"
				+ (now + lifetimeSeconds) + ",\"sub\":\"" + userId + "\",\"role\":[\"" + role + "\"]}");
		String token = header + "." + payload + "." + sign(header + "." + payload, accessKey);
		return "wss://" + host + "/client/hubs/" + hub + "?access_token=" + token;
	}

	/**
	 * Computes the {@code ce-signature} value of a connection id the way a hand-written endpoint does.
	 * @param connectionId the connection id
	 * @param accessKey the access key
	 * @return {@code sha256=<hex>}
	 */
	public static String signature(String connectionId, String accessKey) {
		byte[] digest = mac(accessKey).doFinal(connectionId.getBytes(StandardCharsets.UTF_8));
		StringBuilder hex = new StringBuilder("sha256=");
		for (byte b : digest) {
			hex.append(String.format("%02x", b));
		}
		return hex.toString();
	}

	private static String sign(String input, String accessKey) {
		return ENCODER.encodeToString(mac(accessKey).doFinal(input.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Creates an HMAC-SHA256 {@link Mac} initialised with an access key, as hand-written code does.
	 * @param accessKey the access key
	 * @return the initialised {@code Mac}
	 */
	public static Mac mac(String accessKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(accessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String json) {
		return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
