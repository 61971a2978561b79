package dev.stepwise.core;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Prepares every connection Stepwise opens, before it is used for anything (the lock, the
 * history or a migration): turns auto-commit on, whatever the pool's default (pools set
 * up for Hibernate often turn it off), since the lock, the history's own writes and
 * non-transactional migrations must be committed as they go and transactions are begun
 * explicitly where a step wants one; then runs the set-up statements, if any (such as
 * {@code SET ROLE} or {@code SET lock_timeout}).
 * <p>
 * It delegates by itself rather than through spring-jdbc's {@code DelegatingDataSource},
 * whose classes every start would otherwise load.
 */
final class SessionInitializingDataSource implements DataSource {

	private final DataSource target;

	private final List<String> statements;

	SessionInitializingDataSource(DataSource target, List<String> statements) {
		this.target = target;
		this.statements = List.copyOf(statements);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return initialize(this.target.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return initialize(this.target.getConnection(username, password));
	}

	private Connection initialize(Connection connection) throws SQLException {
		try {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			if (!this.statements.isEmpty()) {
				runStatements(connection);
			}
			return connection;
		}
		catch (SQLException ex) {
			try {
				connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	private void runStatements(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new SQLException("The connection set-up statements (stepwise.init-sql) failed: " + ex.getMessage(),
					ex.getSQLState(), ex.getErrorCode(), ex);
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this) ? type.cast(this) : this.target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || this.target.isWrapperFor(type);
	}

}
