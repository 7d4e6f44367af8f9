package dev.webpubsub.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates and signs HS256 JSON Web Tokens with the emulator's access key (the UTF-8 bytes of the key string, as
 * the service does), and computes upstream {@code ce-signature} values.
 */
final class AccessTokens {

	/** Audience of Entra ID tokens for the Web PubSub data plane. */
	static final String ENTRA_AUDIENCE = "https://webpubsub.azure.com";

	/** Clock skew the service tolerates on {@code exp} and {@code nbf}. */
	private static final long CLOCK_SKEW_SECONDS = 300;

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final String ENCODED_HEADER = ENCODER
		.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

	private final byte[] key;

	// Created with the first token: the first Mac of a JVM initialises the JCE, which start() need not wait for.
	private volatile @Nullable Mac prototype;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	AccessTokens(String accessKey, JsonMapper jsonMapper, Clock clock) {
		this.jsonMapper = jsonMapper;
		this.clock = clock;
		this.key = accessKey.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Validates a token signed with the access key.
	 * @param token the compact token
	 * @param audiences the accepted audiences, compared case-insensitively
	 * @return the claims
	 * @throws InvalidTokenException with a reason that is safe to return to the caller
	 */
	ObjectNode validate(String token, Collection<String> audiences) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			throw new InvalidTokenException("The access token is not a JSON Web Token");
		}
		JsonNode header = decode(parts[0]);
		if (!header.path("alg").isString() || !"HS256".equals(header.path("alg").stringValue())) {
			throw new InvalidTokenException("The access token must be signed with HS256");
		}
		byte[] expected = mac().doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		byte[] actual;
		try {
			actual = Base64.getUrlDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTokenException("The access token signature is not base64url");
		}
		if (!MessageDigest.isEqual(expected, actual)) {
			throw new InvalidTokenException("The access token signature is invalid");
		}
		ObjectNode claims = claims(parts[1]);
		checkLifetime(claims);
		if (!audienceMatches(claims.get("aud"), audiences)) {
			throw new InvalidTokenException("The access token audience does not match the request URL");
		}
		return claims;
	}

	/**
	 * Accepts an Entra ID style token without validating its signature: only the audience and lifetime are
	 * checked. Used in the opt-in mode that lets identity-based connections be tested without Entra ID.
	 * @param token the compact token
	 * @return the claims
	 * @throws InvalidTokenException if the audience is not the data plane's or the token has expired
	 */
	ObjectNode validateUnsignedEntraToken(String token) {
		String[] parts = token.split("\\.", -1);
		if (parts.length < 2) {
			throw new InvalidTokenException("The access token is not a JSON Web Token");
		}
		ObjectNode claims = claims(parts[1]);
		if (!audienceMatches(claims.get("aud"), List.of(ENTRA_AUDIENCE, ENTRA_AUDIENCE + "/"))) {
			throw new InvalidTokenException("The access token audience does not match the request URL");
		}
		checkLifetime(claims);
		return claims;
	}

	/**
	 * Tells whether a token carries the Entra ID audience of the data plane, without validating it.
	 * @param token the compact token
	 * @return whether its {@code aud} is the Entra ID audience
	 */
	boolean hasEntraAudience(String token) {
		String[] parts = token.split("\\.", -1);
		if (parts.length < 2) {
			return false;
		}
		try {
			return audienceMatches(claims(parts[1]).get("aud"), List.of(ENTRA_AUDIENCE, ENTRA_AUDIENCE + "/"));
		}
		catch (InvalidTokenException ex) {
			return false;
		}
	}

	/**
	 * Signs the given claims.
	 * @param claims the claims
	 * @return the compact token
	 */
	String sign(ObjectNode claims) {
		String payload = ENCODER.encodeToString(this.jsonMapper.writeValueAsBytes(claims));
		String signingInput = ENCODED_HEADER + "." + payload;
		return signingInput + "."
				+ ENCODER.encodeToString(mac().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

	/**
	 * Computes the upstream signature of a connection id.
	 * @param connectionId the connection id
	 * @return {@code sha256=<lower-case hex>}
	 */
	String signature(String connectionId) {
		return "sha256=" + HexFormat.of().formatHex(mac().doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
	}

	long now() {
		return this.clock.millis() / 1000;
	}

	private void checkLifetime(ObjectNode claims) {
		JsonNode exp = claims.get("exp");
		if (exp == null || !exp.isNumber()) {
			throw new InvalidTokenException("The access token has no 'exp' claim");
		}
		long now = now();
		if (exp.asLong() + CLOCK_SKEW_SECONDS < now) {
			throw new InvalidTokenException("The access token has expired");
		}
		JsonNode nbf = claims.get("nbf");
		if (nbf != null && nbf.isNumber() && nbf.asLong() - CLOCK_SKEW_SECONDS > now) {
			throw new InvalidTokenException("The access token is not valid yet");
		}
	}

	private static boolean audienceMatches(JsonNode aud, Collection<String> audiences) {
		if (aud == null) {
			throw new InvalidTokenException("The access token has no 'aud' claim");
		}
		if (aud.isArray()) {
			for (JsonNode value : aud.values()) {
				if (audienceMatches(value, audiences)) {
					return true;
				}
			}
			return false;
		}
		if (!aud.isString()) {
			return false;
		}
		String value = aud.stringValue();
		String decoded = UriParts.decode(value);
		for (String audience : audiences) {
			if (audience.equalsIgnoreCase(value) || audience.equalsIgnoreCase(decoded)
					|| UriParts.decode(audience).equalsIgnoreCase(decoded)) {
				return true;
			}
		}
		return false;
	}

	private ObjectNode claims(String encoded) {
		JsonNode claims = decode(encoded);
		if (!(claims instanceof ObjectNode object)) {
			throw new InvalidTokenException("The access token payload is not a JSON object");
		}
		return object;
	}

	private JsonNode decode(String encoded) {
		try {
			return this.jsonMapper.readTree(Base64.getUrlDecoder().decode(encoded));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new InvalidTokenException("The access token is not a JSON Web Token");
		}
	}

	private Mac mac() {
		Mac prototype = this.prototype;
		if (prototype == null) {
			// Racing threads each create one; any of them is as good as the other.
			try {
				prototype = Mac.getInstance(ALGORITHM);
				prototype.init(new SecretKeySpec(this.key, ALGORITHM));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is not available", ex);
			}
			this.prototype = prototype;
		}
		try {
			return (Mac) prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("HmacSHA256 provider does not support cloning", ex);
		}
	}

	/**
	 * A token was rejected; the message is safe to return to the caller (it never contains the token).
	 */
	static final class InvalidTokenException extends RuntimeException {

		InvalidTokenException(String message) {
			super(message, null, false, false);
		}

	}

}
