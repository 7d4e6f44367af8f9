package dev.webpubsub.spring.template;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;

/**
 * The time limit of the attempts of one template, as the {@link #deadline() first-timeout publisher} of
 * {@code Mono.timeout}. {@code Mono.timeout(Duration)} schedules a timer for every attempt, which takes the lock of
 * the scheduler's queue twice per request and, whenever that queue was empty (requests one at a time), wakes the
 * scheduler's thread: a context switch per request. Here the attempts that start within the same slice of time
 * share one timer, which fires when the last of them has run out of time; an attempt therefore gets its full limit
 * and at most one slice more (a sixteenth of the limit, at most {@value #MAX_SLICE_MILLIS} ms).
 *
 * @author Web PubSub for Spring Boot team
 */
final class AttemptDeadlines {

	static final long MAX_SLICE_MILLIS = 100;

	private final long limitNanos;

	private final long sliceNanos;

	private final Mono<Long> deadline = new Deadline();

	private volatile @Nullable Slice current;

	AttemptDeadlines(Duration limit) {
		this.limitNanos = limit.toNanos();
		this.sliceNanos = Math.max(1, Math.min(this.limitNanos / 16, TimeUnit.MILLISECONDS.toNanos(MAX_SLICE_MILLIS)));
	}

	/**
	 * Returns a publisher that emits once the attempt that subscribes to it has run out of time.
	 * @return the shared publisher
	 */
	Mono<Long> deadline() {
		return this.deadline;
	}

	int waiting() {
		Slice slice = this.current;
		return (slice != null) ? slice.waiters.size() : 0;
	}

	private Slice slice() {
		long now = System.nanoTime();
		Slice slice = this.current;
		// Two threads may open a slice at once: each keeps its own timer, so nothing is lost.
		if (slice == null || now - slice.opened >= this.sliceNanos) {
			slice = new Slice(now);
			Schedulers.parallel().schedule(slice, this.limitNanos + this.sliceNanos, TimeUnit.NANOSECONDS);
			this.current = slice;
		}
		return slice;
	}

	private final class Deadline extends Mono<Long> {

		@Override
		public void subscribe(CoreSubscriber<? super Long> actual) {
			Slice slice;
			try {
				slice = slice();
			}
			catch (RejectedExecutionException ex) {
				Operators.error(actual, ex);
				return;
			}
			Waiter waiter = new Waiter(actual, slice);
			actual.onSubscribe(waiter);
			slice.add(waiter);
		}

	}

	/**
	 * Attempts that started within one slice of time, and their timer.
	 */
	private static final class Slice implements Runnable {

		private final long opened;

		private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

		private volatile boolean fired;

		Slice(long opened) {
			this.opened = opened;
		}

		void add(Waiter waiter) {
			this.waiters.add(waiter);
			// A thread that stalled between choosing this slice and joining it is late already.
			if (this.fired) {
				waiter.complete(0L);
			}
			if (waiter.isCancelled()) {
				this.waiters.remove(waiter);
			}
		}

		@Override
		public void run() {
			this.fired = true;
			for (Waiter waiter : this.waiters) {
				waiter.complete(0L);
			}
		}

	}

	/**
	 * One attempt's subscription to the deadline; it leaves its slice when the attempt ends first.
	 */
	private static final class Waiter extends Operators.MonoSubscriber<Long, Long> {

		private final Slice slice;

		Waiter(CoreSubscriber<? super Long> actual, Slice slice) {
			super(actual);
			this.slice = slice;
		}

		@Override
		public void cancel() {
			super.cancel();
			this.slice.waiters.remove(this);
		}

	}

}
