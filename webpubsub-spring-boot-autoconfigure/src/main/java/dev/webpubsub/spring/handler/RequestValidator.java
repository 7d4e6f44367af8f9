package dev.webpubsub.spring.handler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.token.Hs256JwtSigner;

/**
 * Checks that an upstream request comes from one of a set of connections: its origin must be the host of one of
 * them, and its {@code ce-signature} must carry {@code sha256=} + hex HMAC-SHA256 of the connection id, keyed
 * with that connection's access key. The service signs with both of its keys, so either key held by the
 * application validates. Identity-based connections have no key, so only their host is checked, as in the
 * Functions extension; an empty set of connections accepts everything.
 *
 * @author Web PubSub for Spring Boot team
 */
final class RequestValidator {

	private static final String PREFIX = "sha256=";

	/**
	 * Signers by lower-case host; an empty list marks an identity-based host.
	 */
	private final Map<String, List<Hs256JwtSigner>> hosts = new LinkedHashMap<>();

	RequestValidator(List<WebPubSubConnection> connections) {
		for (WebPubSubConnection connection : connections) {
			List<Hs256JwtSigner> signers = this.hosts.computeIfAbsent(connection.host().toLowerCase(Locale.ROOT),
					(host) -> new ArrayList<>());
			if (connection.accessKey() != null) {
				signers.add(new Hs256JwtSigner(connection.accessKey()));
			}
		}
	}

	/**
	 * Returns the first origin that is the host of one of the connections.
	 * @param origins the request origins
	 * @return the matching origin
	 */
	Optional<String> findAllowedOrigin(List<String> origins) {
		return origins.stream().filter((origin) -> this.hosts.containsKey(origin.toLowerCase(Locale.ROOT))).findFirst();
	}

	boolean isEmpty() {
		return this.hosts.isEmpty();
	}

	/**
	 * Whether the request's signature is valid for the first origin that is a known host.
	 * @param origins the request origins
	 * @param signatureHeader the {@code ce-signature} value
	 * @param connectionId the connection id
	 * @return whether the request is authentic
	 */
	boolean isValidSignature(List<String> origins, @Nullable String signatureHeader, String connectionId) {
		if (this.hosts.isEmpty()) {
			return true;
		}
		Optional<String> origin = findAllowedOrigin(origins);
		if (origin.isEmpty()) {
			return false;
		}
		List<Hs256JwtSigner> signers = this.hosts.get(origin.get().toLowerCase(Locale.ROOT));
		if (signers.isEmpty()) {
			return true;
		}
		List<byte[]> signatures = CloudEventHeaders.splitList(signatureHeader)
			.stream()
			.map((signature) -> signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))
			.toList();
		byte[] signed = connectionId.getBytes(StandardCharsets.UTF_8);
		for (Hs256JwtSigner signer : signers) {
			byte[] expected = (PREFIX + HexFormat.of().formatHex(signer.hmac(signed))).getBytes(StandardCharsets.US_ASCII);
			for (byte[] signature : signatures) {
				if (MessageDigest.isEqual(expected, signature)) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "RequestValidator[hosts=" + this.hosts.keySet() + "]";
	}

}
