package dev.stepwise.core;

import java.util.Optional;

import javax.sql.DataSource;

/**
 * A cluster-wide lock that allows one migration run at a time and dies with its holder.
 * Contention is a value, not an exception.
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
	 * The lock's own session while it is held, if the lock has one: all work under the
	 * lock (the history, and the migrations and their transactions) runs on it, so that a
	 * run needs a single connection and a pool of one is enough.
	 * @return a data source of the held session's connection
	 */
	default Optional<DataSource> session() {
		return Optional.empty();
	}

}
