package dev.webpubsub.spring.template;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time limits of attempts that share timers.
 */
class AttemptDeadlinesTests {

	private static final Duration LIMIT = Duration.ofMillis(200);

	private final AttemptDeadlines deadlines = new AttemptDeadlines(LIMIT);

	@Test
	void signalsNoEarlierThanTheLimit() {
		Duration waited = StepVerifier.create(this.deadlines.deadline())
			.expectNext(0L)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(waited).isGreaterThanOrEqualTo(LIMIT);
	}

	@Test
	void signalsEveryAttemptThatSharesATimer() {
		// A limit whose slice (100 ms) is long enough for both attempts to start within it.
		AttemptDeadlines deadlines = new AttemptDeadlines(Duration.ofMillis(1600));
		List<Long> signals = new CopyOnWriteArrayList<>();
		deadlines.deadline().subscribe(signals::add);
		deadlines.deadline().subscribe(signals::add);
		assertThat(deadlines.waiting()).as("attempts waiting on the current slice's timer").isEqualTo(2);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> signals.size() == 2);
		assertThat(signals).containsExactly(0L, 0L);
	}

	@Test
	void forgetsAnAttemptThatEndsFirst() {
		BaseSubscriber<Long> attempt = new BaseSubscriber<>() {
		};
		this.deadlines.deadline().subscribe(attempt);
		assertThat(this.deadlines.waiting()).isOne();
		attempt.dispose();
		assertThat(this.deadlines.waiting()).isZero();
	}

	@Test
	void forgetsAnAttemptThatAnswersInTime() {
		StepVerifier.create(Mono.just("answer").timeout(this.deadlines.deadline(), Mono.just("timed out")))
			.expectNext("answer")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(this.deadlines.waiting()).isZero();
	}

	@Test
	void timesOutAnAttemptThatGetsNoAnswer() {
		StepVerifier.create(Mono.never().timeout(this.deadlines.deadline(), Mono.just("timed out")))
			.expectNext("timed out")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

}
