package dev.stepwise.core;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A lock the database ties to a session: taken on a connection of its own, which then
 * carries all the run's work (transactions begin and end on it; the lock outlives them),
 * and gone when that connection closes, however the holder dies.
 */
abstract class SessionLock implements MigrationLock {

	private final DataSource dataSource;

	private @Nullable SharedConnectionDataSource session;

	private boolean held;

	SessionLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Try once to take the lock on the session.
	 */
	abstract boolean tryLock(SqlRunner session);

	/**
	 * Release the lock on the session.
	 */
	abstract void unlock(SqlRunner session);

	@Override
	public boolean tryAcquire() {
		this.held = tryLock(sessionSql());
		return this.held;
	}

	@Override
	public void release() {
		SharedConnectionDataSource session = this.session;
		try {
			if (this.held && session != null) {
				unlock(new SqlRunner(session));
			}
		}
		finally {
			this.held = false;
			this.session = null;
			if (session != null) {
				session.close();
			}
		}
	}

	@Override
	public SharedConnectionDataSource session() {
		SharedConnectionDataSource session = this.session;
		if (!this.held || session == null) {
			throw new IllegalStateException("The migration lock is not held");
		}
		return session;
	}

	/**
	 * SQL on the lock's session, opened on first use.
	 */
	SqlRunner sessionSql() {
		if (this.session == null) {
			this.session = SharedConnectionDataSource.open(this.dataSource);
		}
		return new SqlRunner(this.session);
	}

}
