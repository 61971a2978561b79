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

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowMapper;

/**
 * Runs Stepwise's own SQL (the lock, the history) in plain JDBC: on a run's shared
 * connection, inside whatever transaction it has open, so that a history row commits with
 * its migration; or on a connection of a pool, opened for each statement, outside a run.
 * Failures are translated into spring-jdbc's {@code DataAccessException}s, as
 * {@code JdbcTemplate} does.
 * <p>
 * Why not {@code JdbcTemplate}: its first use costs a cold start tens of milliseconds of
 * class loading and logging set-up, which every start of every instance would pay just to
 * find that nothing is pending. Migrations still get a {@code JdbcTemplate}. For the same
 * reason, each method holds its connection itself rather than through a callback (a
 * lambda costs a cold JVM about half a millisecond to spin), and failures are translated
 * by {@link SqlFailures}, so that the exception classes load only on a failure.
 */
final class SqlRunner {

	private final DataSource dataSource;

	SqlRunner(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Run work on the connection, such as reading its metadata.
	 */
	<T> T run(ConnectionCallback<T> work) {
		Connection connection = connection();
		try {
			return work.doInConnection(connection);
		}
		catch (SQLException ex) {
			throw SqlFailures.translate(null, ex);
		}
		finally {
			release(connection);
		}
	}

	/**
	 * The rows a query returns. A query without arguments runs as a plain statement: a
	 * start with nothing pending then prepares none (see {@link SessionLock}'s
	 * subclasses).
	 */
	<T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... arguments) {
		Connection connection = connection();
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
		catch (SQLException ex) {
			throw SqlFailures.translate(sql, ex);
		}
		finally {
			release(connection);
		}
	}

	/**
	 * The first row a query returns.
	 * @throws org.springframework.dao.EmptyResultDataAccessException if it returns none
	 */
	<T> T queryForObject(String sql, RowMapper<T> mapper, @Nullable Object... arguments) {
		List<T> rows = query(sql, mapper, arguments);
		if (rows.isEmpty()) {
			throw SqlFailures.noRow(sql);
		}
		return rows.get(0);
	}

	/**
	 * The truth of the first column of the one row a query without arguments returns,
	 * such as a lock function's result; {@code false} for {@code NULL}.
	 * @throws org.springframework.dao.EmptyResultDataAccessException if it returns no row
	 */
	boolean queryForBoolean(String sql) {
		return (Boolean) firstColumn(sql, true);
	}

	/**
	 * The text of the first column of the one row a query without arguments returns.
	 * @throws org.springframework.dao.EmptyResultDataAccessException if it returns no row
	 */
	@Nullable String queryForString(String sql) {
		return (String) firstColumn(sql, false);
	}

	private @Nullable Object firstColumn(String sql, boolean truth) {
		Connection connection = connection();
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			if (!row.next()) {
				throw SqlFailures.noRow(sql);
			}
			return truth ? row.getBoolean(1) : row.getString(1);
		}
		catch (SQLException ex) {
			throw SqlFailures.translate(sql, ex);
		}
		finally {
			release(connection);
		}
	}

	/**
	 * Run an insert, update or delete.
	 * @return the number of rows it changed
	 */
	int update(String sql, @Nullable Object... arguments) {
		Connection connection = connection();
		try (PreparedStatement statement = prepare(connection, sql, arguments)) {
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw SqlFailures.translate(sql, ex);
		}
		finally {
			release(connection);
		}
	}

	/**
	 * Run a statement without arguments, such as DDL.
	 */
	void execute(String sql) {
		Connection connection = connection();
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw SqlFailures.translate(sql, ex);
		}
		finally {
			release(connection);
		}
	}

	private Connection connection() {
		try {
			return this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw SqlFailures.translate(null, ex);
		}
	}

	private void release(Connection connection) {
		if (this.dataSource instanceof SharedConnectionDataSource) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			throw SqlFailures.translate(null, ex);
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
