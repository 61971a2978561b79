package dev.stepwise.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Prepares every connection Stepwise opens, before it is used for anything (the lock, the
 * history or a migration): turns auto-commit on, whatever the pool's default (pools set
 * up for Hibernate often turn it off), since the lock, the history's own writes and
 * non-transactional migrations must be committed as they go and transactions are begun
 * explicitly where a step wants one; then runs the set-up statements, if any (such as
 * {@code SET ROLE} or {@code SET lock_timeout}).
 */
final class SessionInitializingDataSource extends DelegatingDataSource {

	private final List<String> statements;

	SessionInitializingDataSource(DataSource dataSource, List<String> statements) {
		super(dataSource);
		this.statements = List.copyOf(statements);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return initialize(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return initialize(super.getConnection(username, password));
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

}
