package dev.webpubsub.emulator;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.internal.PlatformDependent;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The outbound frames of one WebSocket. Frames are queued from any thread and written on the channel's event loop,
 * in the order they were queued, with one flush for all frames queued since the last write. A broadcast to
 * thousands of connections thereby costs each event loop one task, not one task per connection.
 */
final class OutboundFrames {

	private final Channel channel;

	private final Batch batch;

	private final Queue<WebSocketFrame> frames = PlatformDependent.newMpscQueue();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final Sinks.Empty<Void> done = Sinks.empty();

	private volatile boolean completed;

	OutboundFrames(Channel channel, Batch batch) {
		this.channel = channel;
		this.batch = batch;
	}

	/**
	 * Queues a frame; callers serialise their calls (the connection's lock) to keep the order of frames.
	 * @param frame the frame, released if it cannot be sent
	 * @return whether it was queued
	 */
	boolean write(WebSocketFrame frame) {
		if (this.completed) {
			frame.release();
			return false;
		}
		this.frames.offer(frame);
		schedule();
		return true;
	}

	/**
	 * Ends the stream once every queued frame is written; {@link #done()} then completes.
	 */
	void complete() {
		this.completed = true;
		schedule();
	}

	/**
	 * Completes when the stream ended and its frames were written.
	 * @return completion
	 */
	Mono<Void> done() {
		return this.done.asMono();
	}

	private void schedule() {
		if (this.scheduled.compareAndSet(false, true)) {
			this.batch.add(this);
		}
	}

	/** Runs on the event loop. */
	private void drain() {
		this.scheduled.set(false);
		// Read before polling: every frame queued before complete() is then visible to the loop below.
		boolean end = this.completed;
		boolean written = false;
		WebSocketFrame frame;
		while ((frame = this.frames.poll()) != null) {
			// Writes to a closed channel fail and release the frame.
			this.channel.write(frame, this.channel.voidPromise());
			written = true;
		}
		if (written) {
			this.channel.flush();
		}
		if (end) {
			this.done.tryEmitEmpty();
		}
	}

	/**
	 * The WebSockets of one event loop that have frames to write, drained by a single task.
	 */
	static final class Batch {

		private final EventLoop eventLoop;

		private final Queue<OutboundFrames> pending = PlatformDependent.newMpscQueue();

		private final AtomicBoolean scheduled = new AtomicBoolean();

		private final Runnable drain = this::drain;

		Batch(EventLoop eventLoop) {
			this.eventLoop = eventLoop;
		}

		private void add(OutboundFrames frames) {
			this.pending.offer(frames);
			if (this.scheduled.compareAndSet(false, true)) {
				this.eventLoop.execute(this.drain);
			}
		}

		private void drain() {
			this.scheduled.set(false);
			OutboundFrames frames;
			while ((frames = this.pending.poll()) != null) {
				frames.drain();
			}
		}

	}

}
