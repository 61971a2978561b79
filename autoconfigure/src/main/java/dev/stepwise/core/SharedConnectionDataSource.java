package dev.stepwise.core;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;

import org.springframework.jdbc.datasource.SmartDataSource;

/**
 * One open connection presented as a data source, for work that must all run on it: a
 * run's session, or a migration's connection. Every request gets that connection, and
 * spring-jdbc ({@code JdbcTemplate}, {@code DataSourceUtils}) never closes it: its owner
 * does. Unlike spring-jdbc's {@code SingleConnectionDataSource}, it sets up no logging,
 * which a cold start would pay for on every run.
 */
final class SharedConnectionDataSource implements SmartDataSource, AutoCloseable {

	private final Connection connection;

	SharedConnectionDataSource(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Open a connection of a data source for a migration run.
	 */
	static SharedConnectionDataSource open(DataSource dataSource) {
		try {
			return new SharedConnectionDataSource(dataSource.getConnection());
		}
		catch (SQLException ex) {
			throw new StepwiseException(Code.DATABASE_ERROR,
					"Could not open a connection for the migration run: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Close the shared connection, which ends its session and any lock the session holds.
	 */
	@Override
	public void close() {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			throw new StepwiseException(Code.DATABASE_ERROR,
					"Could not close the migration run's connection (the database releases a session's locks when"
							+ " the session ends): " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The shared connection.
	 */
	Connection connection() {
		return this.connection;
	}

	@Override
	public Connection getConnection() {
		return this.connection;
	}

	@Override
	public Connection getConnection(String username, String password) {
		return this.connection;
	}

	@Override
	public boolean shouldClose(Connection connection) {
		return false;
	}

	@Override
	public PrintWriter getLogWriter() {
		throw new UnsupportedOperationException("getLogWriter");
	}

	@Override
	public void setLogWriter(PrintWriter out) {
		throw new UnsupportedOperationException("setLogWriter");
	}

	@Override
	public void setLoginTimeout(int seconds) {
		throw new UnsupportedOperationException("setLoginTimeout");
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException("getParentLogger");
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("A shared connection's data source does not wrap a " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

}
