package dev.stepwise.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import dev.stepwise.api.DatabaseKind;
import org.jspecify.annotations.Nullable;

/**
 * Reads check constraints from the database's catalog, where JDBC metadata has none.
 */
final class CheckConstraints {

	private CheckConstraints() {
	}

	static void read(Connection connection, DatabaseKind kind, @Nullable String schema, Map<String, String> objects)
			throws SQLException {
		String sql = query(kind);
		if (sql == null || schema == null) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					objects.put("check " + rows.getString(1) + " " + rows.getString(2), "CHECK");
				}
			}
		}
	}

	private static @Nullable String query(DatabaseKind kind) {
		return switch (kind) {
			case POSTGRESQL -> """
					SELECT c.relname, pg_get_constraintdef(k.oid)
					FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
					JOIN pg_namespace n ON n.oid = k.connamespace
					WHERE k.contype = 'c' AND n.nspname = ?""";
			case MARIADB, MYSQL -> """
					SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
					WHERE CONSTRAINT_SCHEMA = ?""";
			case H2 -> """
					SELECT t.TABLE_NAME, c.CHECK_CLAUSE
					FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS c JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t
					ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME
					WHERE c.CONSTRAINT_SCHEMA = ?""";
			case OTHER -> null;
		};
	}

}
