package dev.stepwise.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Runs set-up statements (such as {@code SET ROLE} or {@code SET lock_timeout}) on every
 * connection Stepwise opens, before it is used for anything: the lock, the history or a
 * migration.
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
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.statements) {
				statement.execute(sql);
			}
			return connection;
		}
		catch (SQLException ex) {
			connection.close();
			throw new SQLException("The connection set-up statements (stepwise.init-sql) failed: " + ex.getMessage(),
					ex.getSQLState(), ex.getErrorCode(), ex);
		}
	}

}
