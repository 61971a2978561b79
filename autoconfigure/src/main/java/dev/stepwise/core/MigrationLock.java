package dev.stepwise.core;

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

}
