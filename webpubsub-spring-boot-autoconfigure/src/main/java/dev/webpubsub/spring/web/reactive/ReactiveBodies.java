package dev.webpubsub.spring.web.reactive;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Mono;

/**
 * Joins a request body up to a limit; joining fails with {@link DataBufferLimitException} as soon as the body
 * passes it, so an oversized body is never buffered whole.
 *
 * @author Web PubSub for Spring Boot team
 */
final class ReactiveBodies {

	private ReactiveBodies() {
	}

	static Mono<byte[]> read(Publisher<DataBuffer> body, long limit) {
		int maxBytes = (int) Math.min(limit, Integer.MAX_VALUE - 8);
		return DataBufferUtils.join(body, maxBytes).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

}
