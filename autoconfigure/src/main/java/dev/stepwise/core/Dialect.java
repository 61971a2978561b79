package dev.stepwise.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.stepwise.api.DatabaseKind;
import org.jspecify.annotations.Nullable;

/**
 * The SQL that differs between databases. This base class speaks portable SQL; each
 * database overrides only what differs.
 */
class Dialect {

	static Dialect of(DatabaseKind kind) {
		return switch (kind) {
			case POSTGRESQL -> new PostgresDialect();
			case MARIADB, MYSQL -> new MySqlDialect();
			case H2, OTHER -> new Dialect();
		};
	}

	@Nullable String currentSchema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	boolean schemaExists(Connection connection, String schema) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		try (ResultSet schemas = metaData.getSchemas(null, null)) {
			return containsName(schemas, "TABLE_SCHEM", stored(metaData, schema));
		}
	}

	/**
	 * The comment of a table, or empty if the table does not exist. A table without a
	 * comment gives an empty string.
	 */
	Optional<String> tableComment(Connection connection, @Nullable String schema, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String storedTable = stored(metaData, table);
		try (ResultSet tables = tables(metaData, (schema != null) ? stored(metaData, schema) : null, storedTable)) {
			while (tables.next()) {
				if (storedTable.equals(tables.getString("TABLE_NAME"))) {
					return Optional.of(String.valueOf(tables.getString("REMARKS")));
				}
			}
			return Optional.empty();
		}
	}

	/**
	 * Whether the schema holds tables other than the given ones (compared ignoring case).
	 */
	boolean hasTablesOtherThan(Connection connection, @Nullable String schema, Set<String> ignored)
			throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		try (ResultSet tables = tables(metaData, (schema != null) ? stored(metaData, schema) : null, "%")) {
			while (tables.next()) {
				String type = String.valueOf(tables.getString("TABLE_TYPE"));
				String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if ((type.equals("TABLE") || type.equals("BASE TABLE")) && !ignored.contains(name)) {
					return true;
				}
			}
			return false;
		}
	}

	ResultSet tables(DatabaseMetaData metaData, @Nullable String schema, String table) throws SQLException {
		return metaData.getTables(null, schema, table, null);
	}

	String timestampType() {
		return "TIMESTAMP";
	}

	String now() {
		return "CURRENT_TIMESTAMP";
	}

	String commentOnTable(String table, String comment) {
		return "COMMENT ON TABLE " + table + " IS '" + comment + "'";
	}

	MigrationLock lock(Database database, String table) {
		return new LeaseLock(database, table + "_lock");
	}

	static boolean containsName(ResultSet names, String column, String name) throws SQLException {
		while (names.next()) {
			if (name.equals(names.getString(column))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An unquoted identifier as the database stores it, for metadata look-ups.
	 */
	static String stored(DatabaseMetaData metaData, String identifier) throws SQLException {
		if (metaData.storesUpperCaseIdentifiers()) {
			return identifier.toUpperCase(Locale.ROOT);
		}
		if (metaData.storesLowerCaseIdentifiers()) {
			return identifier.toLowerCase(Locale.ROOT);
		}
		return identifier;
	}

}
