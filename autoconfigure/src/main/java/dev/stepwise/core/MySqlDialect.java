package dev.stepwise.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * MySQL and MariaDB: a schema is a catalog (a database), times are kept in UTC with
 * milliseconds, the history format is in the table's comment, and the lock is a named
 * lock ({@code GET_LOCK}).
 */
final class MySqlDialect extends EpochTimeDialect {

	/** The one instance (see {@link Dialect#of}). */
	static final Dialect INSTANCE = new MySqlDialect();

	@Override
	@Nullable String currentSchema(Connection connection) throws SQLException {
		return connection.getCatalog();
	}

	@Override
	boolean schemaExists(Connection connection, String schema) throws SQLException {
		DatabaseMetaData metaData = metaData(connection);
		try (ResultSet catalogs = metaData.getCatalogs()) {
			return containsName(catalogs, "TABLE_CAT", Identifiers.of(metaData).stored(schema));
		}
	}

	/**
	 * One query of the information schema: {@code NULL} if the table does not exist, an
	 * empty text if it has no comment. The driver's general table metadata query costs
	 * several times more on every start. The table's name is a plain identifier, but the
	 * connection's database may be named anything: one whose name holds a quote or a
	 * backslash, which a literal would escape according to the session's SQL mode, is
	 * looked up through the metadata instead.
	 */
	@Override
	Optional<String> historyMarker(SqlRunner sql, Database database, String table) {
		String name = database.identifiers().stored(table);
		String schema = (database.schema() != null) ? database.identifiers().stored(database.schema()) : null;
		if (schema != null && (schema.indexOf('\'') >= 0 || schema.indexOf('\\') >= 0)) {
			return super.historyMarker(sql, database, table);
		}
		String schemaValue = (schema != null) ? "'" + schema + "'" : "DATABASE()";
		// names given as the server stores them, which it compares exactly unless it
		// folds their case (lower_case_table_names); naming both lets it open this table
		// only
		return Optional.ofNullable(sql.queryForString("SELECT MAX(TABLE_COMMENT) FROM information_schema.TABLES"
				+ " WHERE TABLE_SCHEMA = " + schemaValue + " AND TABLE_NAME = '" + name + "'"));
	}

	@Override
	ResultSet tables(DatabaseMetaData metaData, @Nullable String schema, String table) throws SQLException {
		return metaData.getTables(schema, null, table, null);
	}

	/**
	 * Cut at {@code group_concat_max_len} (1 MB by default on MariaDB, 1 KB on MySQL),
	 * and then no longer confirms the history, which is read event by event instead.
	 */
	@Override
	String versionsInOrder() {
		return "GROUP_CONCAT(version ORDER BY installed_rank SEPARATOR ',')";
	}

	@Override
	String timestampType() {
		return "DATETIME(3)";
	}

	/**
	 * UTC: a {@code DATETIME} has no time zone, and the session's may differ from the
	 * JVM's.
	 */
	@Override
	String now() {
		return "UTC_TIMESTAMP(3)";
	}

	/**
	 * Of the UTC time the column holds.
	 */
	@Override
	String epochMillis(String column) {
		return "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', " + column + ") DIV 1000";
	}

	/**
	 * The marker as a table option of the {@code CREATE TABLE} statement: one statement,
	 * so that no crash can leave the table without its marker, which every later start
	 * would refuse as not Stepwise's.
	 */
	@Override
	List<String> createHistory(Database database, String table, String create, String marker) {
		return List.of(create + " COMMENT = '" + marker + "'");
	}

	@Override
	MigrationLock lock(Database database, String table, Duration lease) {
		return new NamedLock(database.dataSource(), LockNames.name(database, table));
	}

}
