package dev.stepwise.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.slf4j.LoggerFactory;

/**
 * A cluster-wide lock that allows one migration run at a time and dies with its holder.
 * Contention is a value, not an exception: {@link #acquire} polls with back-off until a
 * timeout, rather than blocking inside a transaction, so that a waiter holds nothing
 * another session could wait for.
 * <p>
 * An interface rather than an abstract class: returning a new lock as one then loads no
 * class to verify it, where an abstract class would load every kind of lock on every
 * start.
 */
interface MigrationLock {

	/**
	 * Try once to take the lock.
	 * @return whether the lock is now held
	 */
	boolean tryAcquire();

	/**
	 * Who holds the lock, as far as the database tells, for a person reading a timeout.
	 */
	String holder();

	/**
	 * Release the lock and whatever it holds open.
	 */
	void release();

	/**
	 * The connection all work under the held lock runs on (the history, the migrations
	 * and their transactions), one for the whole run: the lock's own session where the
	 * database ties the lock to one. {@link #release()} closes it.
	 * @return a data source of that connection
	 */
	SharedConnectionDataSource session();

	/**
	 * Take the lock, pausing 50 ms after the first try and twice as long after each
	 * other, up to 2 s, or release what it holds and throw if the timeout passes first.
	 * @param where the database, for messages
	 */
	default void acquire(Duration timeout, String where) {
		try {
			poll(timeout, where);
		}
		catch (RuntimeException ex) {
			release();
			throw ex;
		}
	}

	private void poll(Duration timeout, String where) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Duration pause = Duration.ofMillis(50);
		boolean announced = false;
		while (!tryAcquire()) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				throw new StepwiseException(Code.LOCK_TIMEOUT,
						"Timed out after " + timeout + " waiting for the migration lock on " + where + ", held by "
								+ holder()
								+ ". Another instance is probably applying migrations: wait for it to finish,"
								+ " or raise stepwise.lock-timeout. Nothing was changed.");
			}
			if (!announced) {
				LoggerFactory.getLogger(MigrationLock.class)
					.info("Waiting for the migration lock on {}, held by {}", where, holder());
				announced = true;
			}
			sleep(Math.min(pause.toNanos(), remaining));
			pause = (pause.toMillis() < 1000) ? pause.multipliedBy(2) : Duration.ofSeconds(2);
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
