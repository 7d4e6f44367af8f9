package dev.webpubsub.spring.token;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs JSON Web Tokens with HMAC-SHA256 and an access key used as the UTF-8 bytes of the string, the way the
 * Web PubSub service and its SDKs do. The header is always {@code {"alg":"HS256","typ":"JWT"}}.
 * <p>
 * Instances are thread-safe. The initialised {@link Mac} is cloned for each token rather than created from the
 * key again, which keeps signing cheap. It is created on first use: the first {@link Mac} of a JVM initialises the
 * JCE (provider lookup, crypto policy files), which an application should not pay for while it starts.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class Hs256JwtSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private static final byte[] ENCODED_HEADER = Base64.getUrlEncoder()
		.withoutPadding()
		.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final byte[] key;

	private volatile @Nullable Mac prototype;

	/**
	 * Creates a signer for the given access key.
	 * @param accessKey the access key
	 */
	public Hs256JwtSigner(String accessKey) {
		if (accessKey == null || accessKey.isEmpty()) {
			throw new IllegalArgumentException("'accessKey' must not be empty");
		}
		this.key = accessKey.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Signs a token whose payload is the given JSON object.
	 * @param claimsJson the claims as a JSON object
	 * @return the compact token {@code header.payload.signature}
	 */
	public String sign(String claimsJson) {
		byte[] payload = ENCODER.encode(claimsJson.getBytes(StandardCharsets.UTF_8));
		byte[] signingInput = new byte[ENCODED_HEADER.length + 1 + payload.length];
		System.arraycopy(ENCODED_HEADER, 0, signingInput, 0, ENCODED_HEADER.length);
		signingInput[ENCODED_HEADER.length] = '.';
		System.arraycopy(payload, 0, signingInput, ENCODED_HEADER.length + 1, payload.length);
		byte[] signature = ENCODER.encode(mac().doFinal(signingInput));
		byte[] token = new byte[signingInput.length + 1 + signature.length];
		System.arraycopy(signingInput, 0, token, 0, signingInput.length);
		token[signingInput.length] = '.';
		System.arraycopy(signature, 0, token, signingInput.length + 1, signature.length);
		return new String(token, StandardCharsets.US_ASCII);
	}

	/**
	 * Returns a fresh HMAC-SHA256 instance initialised with the access key, for callers that sign other data
	 * (such as upstream event signatures) with the same key.
	 * @return an initialised {@link Mac} owned by the caller
	 */
	public Mac mac() {
		Mac prototype = this.prototype;
		if (prototype == null) {
			// Racing threads each create one; any of them is as good as the other.
			prototype = newMac(this.key);
			this.prototype = prototype;
		}
		try {
			return (Mac) prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("HmacSHA256 provider does not support cloning", ex);
		}
	}

	private static Mac newMac(byte[] key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "Hs256JwtSigner[key=******]";
	}

}
