package dev.stepwise.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL: time zone aware timestamps, a session advisory lock, the history format in
 * the table's comment, and a direct catalog look-up of it (the driver's general table
 * metadata query costs several times more on every start).
 */
final class PostgresDialect extends EpochTimeDialect {

	/** The one instance (see {@link Dialect#of}). */
	static final Dialect INSTANCE = new PostgresDialect();

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
	String versionsInOrder() {
		return "string_agg(version, ',' ORDER BY installed_rank)";
	}

	@Override
	boolean keepsOffsets() {
		return true;
	}

	@Override
	String epochMillis(String column) {
		return "FLOOR(EXTRACT(EPOCH FROM " + column + ") * 1000)::BIGINT";
	}

	@Override
	MigrationLock lock(Database database, String table, Duration lease) {
		return new AdvisoryLock(database.dataSource(), LockNames.key(database, table));
	}

}
