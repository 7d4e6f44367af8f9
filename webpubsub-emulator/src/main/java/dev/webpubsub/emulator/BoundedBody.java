package dev.webpubsub.emulator;

import java.io.ByteArrayOutputStream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads an HTTP body into memory, failing as soon as it grows beyond a limit rather than after buffering it whole.
 */
final class BoundedBody {

	private BoundedBody() {
	}

	/**
	 * Reads a body.
	 * @param content the body's buffers (released by Reactor Netty after each one is read)
	 * @param maxSize the largest accepted size in bytes
	 * @return the bytes, empty for no body; a {@link TooLargeException} when the body is larger than the limit
	 */
	static Mono<byte[]> read(Flux<ByteBuf> content, int maxSize) {
		return content.reduceWith(ByteArrayOutputStream::new, (out, buffer) -> {
			if (out.size() + buffer.readableBytes() > maxSize) {
				throw new TooLargeException(maxSize);
			}
			out.writeBytes(ByteBufUtil.getBytes(buffer));
			return out;
		}).map(ByteArrayOutputStream::toByteArray);
	}

	/**
	 * A body was larger than allowed.
	 */
	static final class TooLargeException extends RuntimeException {

		TooLargeException(int maxSize) {
			super("The body is larger than " + maxSize + " bytes", null, false, false);
		}

	}

}
