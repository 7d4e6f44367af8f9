package dev.webpubsub.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.internal.PlatformDependent;
import org.jspecify.annotations.Nullable;
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

	// Guarded by this: writers hold the lock only to queue, so it is rarely contended. The oldest pending frame
	// sits in a field of its own because a broadcast usually leaves exactly one per WebSocket; a queue per
	// WebSocket (thousands of them, cold in the cache) cost more than the writes in the profile.
	private @Nullable WebSocketFrame next;

	private @Nullable ArrayDeque<WebSocketFrame> later;

	private boolean scheduled;

	private boolean completed;

	private final Sinks.Empty<Void> done = Sinks.empty();

	OutboundFrames(Channel channel, Batch batch) {
		this.channel = channel;
		this.batch = batch;
	}

	/**
	 * Queues a frame; callers serialise their calls (the connection's lock) to keep the order of frames.
	 * @param frame the frame, released if the stream has ended
	 */
	void write(WebSocketFrame frame) {
		boolean schedule;
		synchronized (this) {
			if (this.completed) {
				frame.release();
				return;
			}
			if (this.next == null) {
				this.next = frame;
			}
			else {
				if (this.later == null) {
					this.later = new ArrayDeque<>();
				}
				this.later.add(frame);
			}
			schedule = !this.scheduled;
			this.scheduled = true;
		}
		if (schedule) {
			this.batch.add(this);
		}
	}

	/**
	 * Ends the stream once every queued frame is written; {@link #done()} then completes.
	 */
	void complete() {
		boolean schedule;
		synchronized (this) {
			this.completed = true;
			schedule = !this.scheduled;
			this.scheduled = true;
		}
		if (schedule) {
			this.batch.add(this);
		}
	}

	/**
	 * Completes when the stream ended and its frames were written.
	 * @return completion
	 */
	Mono<Void> done() {
		return this.done.asMono();
	}

	/** Runs on the event loop, the only thread that writes to the channel. */
	private void drain(List<WebSocketFrame> buffer) {
		boolean end;
		synchronized (this) {
			this.scheduled = false;
			end = this.completed;
			if (this.next != null) {
				buffer.add(this.next);
				this.next = null;
				if (this.later != null) {
					buffer.addAll(this.later);
					this.later.clear();
				}
			}
		}
		if (!buffer.isEmpty()) {
			try {
				for (WebSocketFrame frame : buffer) {
					// Writes to a closed channel fail and release the frame.
					this.channel.write(frame, this.channel.voidPromise());
				}
			}
			finally {
				buffer.clear();
			}
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

		private final List<WebSocketFrame> buffer = new ArrayList<>();

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
				frames.drain(this.buffer);
			}
		}

	}

}
