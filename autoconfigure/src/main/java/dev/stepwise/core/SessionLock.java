package dev.stepwise.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A lock the database ties to a session: taken on a connection of its own, which then
 * carries all the run's work (transactions begin and end on it; the lock outlives them),
 * and gone when that connection closes, however the holder dies.
 */
abstract class SessionLock implements MigrationLock {

	private final DataSource dataSource;

	private @Nullable Connection connection;

	private @Nullable SingleConnectionDataSource sessionDataSource;

	private @Nullable JdbcTemplate jdbc;

	private boolean held;

	SessionLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Try once to take the lock on the session.
	 */
	abstract boolean tryLock(JdbcTemplate session);

	/**
	 * Release the lock on the session.
	 */
	abstract void unlock(JdbcTemplate session);

	@Override
	public boolean tryAcquire() {
		this.held = tryLock(sessionTemplate());
		return this.held;
	}

	@Override
	public void release() {
		try {
			if (this.held && this.jdbc != null) {
				unlock(this.jdbc);
			}
		}
		finally {
			this.held = false;
			this.jdbc = null;
			this.sessionDataSource = null;
			closeConnection();
		}
	}

	@Override
	public Optional<DataSource> session() {
		return this.held ? Optional.ofNullable(this.sessionDataSource) : Optional.empty();
	}

	JdbcTemplate sessionTemplate() {
		if (this.jdbc == null) {
			try {
				Connection connection = this.dataSource.getConnection();
				this.connection = connection;
				// no close-suppressing proxy: JdbcTemplate and the transaction manager
				// release through DataSourceUtils, which leaves this data source's
				// connection open, and generating a proxy class costs a cold start
				this.sessionDataSource = new SingleConnectionDataSource(connection, false);
				this.jdbc = new JdbcTemplate(this.sessionDataSource);
			}
			catch (SQLException ex) {
				closeConnection();
				throw new StepwiseException(Code.DATABASE_ERROR,
						"Could not open a connection for the migration lock: " + ex.getMessage(), ex);
			}
		}
		return this.jdbc;
	}

	private void closeConnection() {
		Connection connection = this.connection;
		this.connection = null;
		if (connection != null) {
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

}
