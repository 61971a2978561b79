package dev.stepwise.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
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
				close(session.connection());
			}
		}
	}

	@Override
	public Optional<DataSource> session() {
		return this.held ? Optional.ofNullable(this.session) : Optional.empty();
	}

	/**
	 * SQL on the lock's session, opened on first use.
	 */
	SqlRunner sessionSql() {
		if (this.session == null) {
			try {
				this.session = new SharedConnectionDataSource(this.dataSource.getConnection());
			}
			catch (SQLException ex) {
				throw new StepwiseException(Code.DATABASE_ERROR,
						"Could not open a connection for the migration lock: " + ex.getMessage(), ex);
			}
		}
		return new SqlRunner(this.session);
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			throw new StepwiseException(Code.DATABASE_ERROR,
					"Could not close the migration lock's connection (the database releases the lock when the session ends): "
							+ ex.getMessage(),
					ex);
		}
	}

}
