package dev.webpubsub.spring.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs JSON Web Tokens with HMAC-SHA256 and an access key used as the UTF-8 bytes of the string, the way the
 * Web PubSub service and its SDKs do. The header is always {@code {"alg":"HS256","typ":"JWT"}}.
 * <p>
 * Instances are thread-safe. HMAC (RFC 2104) is computed on copies of two SHA-256 digests that have already
 * absorbed the inner and the outer key pad, so a token costs two SHA-256 blocks less than with a {@code Mac}
 * initialised from the key; tokens are minted on every negotiate and signatures checked on every event.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class Hs256JwtSigner {

	private static final String DIGEST = "SHA-256";

	private static final int BLOCK_SIZE = 64;

	private static final byte[] ENCODED_HEADER = Base64.getUrlEncoder()
		.withoutPadding()
		.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final MessageDigest innerPadded;

	private final MessageDigest outerPadded;

	/**
	 * Creates a signer for the given access key.
	 * @param accessKey the access key
	 */
	public Hs256JwtSigner(String accessKey) {
		if (accessKey == null || accessKey.isEmpty()) {
			throw new IllegalArgumentException("'accessKey' must not be empty");
		}
		byte[] key = accessKey.getBytes(StandardCharsets.UTF_8);
		if (key.length > BLOCK_SIZE) {
			key = newDigest().digest(key);
		}
		this.innerPadded = padded(key, (byte) 0x36);
		this.outerPadded = padded(key, (byte) 0x5c);
		Arrays.fill(key, (byte) 0);
	}

	private static MessageDigest padded(byte[] key, byte pad) {
		byte[] block = new byte[BLOCK_SIZE];
		for (int i = 0; i < BLOCK_SIZE; i++) {
			block[i] = (byte) (((i < key.length) ? key[i] : 0) ^ pad);
		}
		MessageDigest digest = newDigest();
		digest.update(block);
		Arrays.fill(block, (byte) 0);
		return digest;
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
		byte[] signature = ENCODER.encode(hmac(signingInput));
		byte[] token = new byte[signingInput.length + 1 + signature.length];
		System.arraycopy(signingInput, 0, token, 0, signingInput.length);
		token[signingInput.length] = '.';
		System.arraycopy(signature, 0, token, signingInput.length + 1, signature.length);
		return new String(token, StandardCharsets.US_ASCII);
	}

	/**
	 * Computes the HMAC-SHA256 of data with the access key, for callers that sign other data (such as upstream
	 * event signatures) with the same key.
	 * @param data the data
	 * @return the 32-byte authentication code
	 */
	public byte[] hmac(byte[] data) {
		MessageDigest inner = copy(this.innerPadded);
		inner.update(data);
		MessageDigest outer = copy(this.outerPadded);
		outer.update(inner.digest());
		return outer.digest();
	}

	private static MessageDigest copy(MessageDigest digest) {
		try {
			return (MessageDigest) digest.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("SHA-256 provider does not support cloning", ex);
		}
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance(DIGEST);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "Hs256JwtSigner[key=******]";
	}

}
