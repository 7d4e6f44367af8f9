package dev.webpubsub.spring.template;

import java.time.Duration;

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
		Mono<Long> first = this.deadlines.deadline();
		Mono<Long> second = this.deadlines.deadline();
		StepVerifier.create(Mono.zip(first, second))
			.expectNextMatches((both) -> both.getT1() == 0L && both.getT2() == 0L)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
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
