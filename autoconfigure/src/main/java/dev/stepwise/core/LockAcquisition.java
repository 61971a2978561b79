package dev.stepwise.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a {@link MigrationLock} by polling with back-off until a timeout, rather than
 * blocking inside a transaction, so that a waiter holds nothing another session could
 * wait for.
 */
final class LockAcquisition {

	private static final Logger logger = LoggerFactory.getLogger(LockAcquisition.class);

	private static final Duration FIRST_PAUSE = Duration.ofMillis(50);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

	private LockAcquisition() {
	}

	/**
	 * Take the lock, or release what it holds and throw if the timeout passes first.
	 */
	static void acquire(MigrationLock lock, Duration timeout, String where) {
		try {
			poll(lock, timeout, where);
		}
		catch (RuntimeException ex) {
			lock.release();
			throw ex;
		}
	}

	private static void poll(MigrationLock lock, Duration timeout, String where) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Duration pause = FIRST_PAUSE;
		boolean announced = false;
		while (!lock.tryAcquire()) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				throw new StepwiseException(Code.LOCK_TIMEOUT,
						"Timed out after " + timeout + " waiting for the migration lock on " + where + ", held by "
								+ lock.holder()
								+ ". Another instance is probably applying migrations: wait for it to finish,"
								+ " or raise stepwise.lock-timeout. Nothing was changed.");
			}
			if (!announced) {
				logger.info("Waiting for the migration lock on {}, held by {}", where, lock.holder());
				announced = true;
			}
			sleep(Math.min(pause.toNanos(), remaining));
			pause = (pause.compareTo(LONGEST_PAUSE) < 0) ? pause.multipliedBy(2) : LONGEST_PAUSE;
		}
	}

	private static void sleep(long nanos) {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StepwiseException(Code.LOCK_TIMEOUT,
					"Interrupted while waiting for the migration lock. Nothing was changed.", ex);
		}
	}

}
