package dev.stepwise.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * PostgreSQL: time zone aware timestamps, a session advisory lock, the history format in
 * the table's comment, and a direct catalog look-up of it (the driver's general table
 * metadata query costs several times more on every start).
 */
final class PostgresDialect extends CommentingDialect {

	@Override
	Optional<String> historyMarker(Connection connection, Database database, String table) throws SQLException {
		// a literal, not a parameter: a start with nothing pending then prepares no
		// statement, whose first use in a JVM costs several milliseconds
		String name = "'" + database.qualify(table).replace("'", "''") + "'";
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT to_regclass(" + name
						+ ") IS NOT NULL, obj_description(to_regclass(" + name + "), 'pg_class')")) {
			row.next();
			return row.getBoolean(1) ? Optional.of(String.valueOf(row.getString(2))) : Optional.empty();
		}
	}

	@Override
	boolean keepsOffsets() {
		return true;
	}

	/**
	 * Epoch milliseconds, worked out by the server: the driver parses timestamps from
	 * text, which is a noticeable part of a cold start with a long history.
	 */
	@Override
	String selectTime(String column) {
		return "FLOOR(EXTRACT(EPOCH FROM " + column + ") * 1000)::BIGINT AS " + column;
	}

	@Override
	Instant instant(ResultSet row, int column) throws SQLException {
		return Instant.ofEpochMilli(row.getLong(column));
	}

	@Override
	MigrationLock lock(Database database, String table, Duration lease) {
		return new AdvisoryLock(database.dataSource(), LockNames.key(database, table));
	}

}
