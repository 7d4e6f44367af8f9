package dev.webpubsub.spring.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what tests need from negotiate responses and tokens.
 */
public final class TokenClaims {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TokenClaims() {
	}

	/**
	 * Reads a JSON object.
	 * @param json the JSON
	 * @return the members
	 */
	public static Map<String, Object> readObject(String json) {
		return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	/**
	 * Decodes the claims of a compact JWT, without checking its signature.
	 * @param token the token
	 * @return the claims
	 */
	public static Map<String, Object> of(String token) {
		return readObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
	}

}
