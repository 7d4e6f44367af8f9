package dev.webpubsub.benchmarks.apps;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.webpubsub.benchmarks.BenchmarkKeys;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The limit: a hand-written webhook endpoint that checks the event type and the {@code ce-signature} of the
 * connection id itself and echoes a user event's text, with nothing else in between. It serves both web stacks.
 *
 * @author Web PubSub for Spring Boot team
 */
@RestController
@ConditionalOnProperty(name = "bench.variant", havingValue = "bare")
class BareWebhookController {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final Mac prototype;

	BareWebhookController() throws GeneralSecurityException {
		this.prototype = Mac.getInstance("HmacSHA256");
		this.prototype.init(new SecretKeySpec(BenchmarkKeys.ACCESS_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
	}

	@PostMapping("/eventhandler")
	ResponseEntity<byte[]> event(@RequestHeader("ce-type") String type,
			@RequestHeader("ce-connectionId") String connectionId, @RequestHeader("ce-signature") String signature,
			@RequestBody byte[] body) throws CloneNotSupportedException {
		if (!isValid(connectionId, signature)) {
			return ResponseEntity.status(401).build();
		}
		if (!"azure.webpubsub.user.message".equals(type)) {
			return ResponseEntity.badRequest().build();
		}
		return ResponseEntity.ok().contentType(TEXT).body(body);
	}

	private boolean isValid(String connectionId, String signatures) throws CloneNotSupportedException {
		Mac mac = (Mac) this.prototype.clone();
		byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8))))
			.getBytes(StandardCharsets.US_ASCII);
		for (String signature : signatures.split(",")) {
			if (MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
				return true;
			}
		}
		return false;
	}

}
