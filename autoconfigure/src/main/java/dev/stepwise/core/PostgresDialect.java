package dev.stepwise.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL: time zone aware timestamps, a session advisory lock, the history format in
 * the table's comment, and a direct catalog look-up of it (the driver's general table
 * metadata query costs several times more on every start).
 */
final class PostgresDialect extends CommentingDialect {

	@Override
	Optional<String> historyMarker(Connection connection, Database database, String table) throws SQLException {
		String name = database.qualify(table);
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT to_regclass(?) IS NOT NULL, obj_description(to_regclass(?), 'pg_class')")) {
			statement.setString(1, name);
			statement.setString(2, name);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getBoolean(1) ? Optional.of(String.valueOf(row.getString(2))) : Optional.empty();
			}
		}
	}

	@Override
	boolean keepsOffsets() {
		return true;
	}

	@Override
	MigrationLock lock(Database database, String table, Duration lease) {
		return new AdvisoryLock(database.dataSource(), LockNames.key(database, table));
	}

}
