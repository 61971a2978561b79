package dev.stepwise.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Runs Stepwise's own SQL (the lock, the history) in plain JDBC on the connection a data
 * source has for the current thread: the one a Spring transaction is bound to, so that a
 * history row commits with its migration, or the lock's shared session. Failures are
 * translated into spring-jdbc's {@link DataAccessException}s, as {@code JdbcTemplate}
 * does.
 * <p>
 * Why not {@code JdbcTemplate}: its first use costs a cold start tens of milliseconds of
 * class loading and logging set-up, which every start of every instance would pay just to
 * find that nothing is pending. Migrations still get a {@code JdbcTemplate}.
 */
final class SqlRunner {

	private final DataSource dataSource;

	SqlRunner(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Run work on the connection.
	 */
	<T> T run(ConnectionCallback<T> work) {
		return run(null, work);
	}

	/**
	 * The rows a query returns. A query without arguments runs as a plain statement: a
	 * start with nothing pending then prepares none (see {@link SessionLock}'s
	 * subclasses).
	 */
	<T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... arguments) {
		return run(sql, (connection) -> {
			try (Statement statement = (arguments.length > 0) ? prepare(connection, sql, arguments)
					: connection.createStatement();
					ResultSet rows = (statement instanceof PreparedStatement prepared) ? prepared.executeQuery()
							: statement.executeQuery(sql)) {
				List<T> result = new ArrayList<>();
				while (rows.next()) {
					result.add(mapper.mapRow(rows, result.size()));
				}
				return result;
			}
		});
	}

	/**
	 * The first row a query returns.
	 * @throws EmptyResultDataAccessException if it returns none
	 */
	<T> T queryForObject(String sql, RowMapper<T> mapper, @Nullable Object... arguments) {
		List<T> rows = query(sql, mapper, arguments);
		if (rows.isEmpty()) {
			throw new EmptyResultDataAccessException("No row from " + sql, 1);
		}
		return rows.get(0);
	}

	/**
	 * Run an insert, update or delete.
	 * @return the number of rows it changed
	 */
	int update(String sql, @Nullable Object... arguments) {
		return run(sql, (connection) -> {
			try (PreparedStatement statement = prepare(connection, sql, arguments)) {
				return statement.executeUpdate();
			}
		});
	}

	/**
	 * Run a statement without arguments, such as DDL.
	 */
	void execute(String sql) {
		run(sql, (connection) -> {
			try (Statement statement = connection.createStatement()) {
				return statement.execute(sql);
			}
		});
	}

	private <T> T run(@Nullable String sql, ConnectionCallback<T> work) {
		if (this.dataSource instanceof SharedConnectionDataSource shared) {
			return call(shared.connection(), sql, work);
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return call(connection, sql, work);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private static <T> T call(Connection connection, @Nullable String sql, ConnectionCallback<T> work) {
		try {
			return work.doInConnection(connection);
		}
		catch (SQLException ex) {
			DataAccessException translated = new SQLExceptionSubclassTranslator().translate("Stepwise", sql, ex);
			throw (translated != null) ? translated : new UncategorizedSQLException("Stepwise", sql, ex);
		}
	}

	/**
	 * A statement with its arguments bound; a {@code null} is bound as a typed
	 * {@code VARCHAR} (the only nullable columns Stepwise writes are text), since an
	 * untyped one makes some drivers ask the server for the parameter's type.
	 */
	private static PreparedStatement prepare(Connection connection, String sql, @Nullable Object[] arguments)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		try {
			for (int i = 0; i < arguments.length; i++) {
				if (arguments[i] == null) {
					statement.setNull(i + 1, Types.VARCHAR);
				}
				else {
					statement.setObject(i + 1, arguments[i]);
				}
			}
			return statement;
		}
		catch (SQLException ex) {
			statement.close();
			throw ex;
		}
	}

}
