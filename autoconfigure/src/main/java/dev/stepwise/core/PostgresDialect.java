package dev.stepwise.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL: time zone aware timestamps, a session advisory lock, the history format in
 * the table's comment, and a direct catalog look-up of it (the driver's general table
 * metadata query costs several times more on every start).
 */
final class PostgresDialect extends EpochTimeDialect {

	/** The one instance (see {@link Dialect#of}). */
	static final Dialect INSTANCE = new PostgresDialect();

	/**
	 * One query of the catalog: {@code NULL} if the table does not exist, an empty text
	 * if it has no comment.
	 */
	@Override
	Optional<String> historyMarker(SqlRunner sql, Database database, String table) {
		// a literal, not a parameter: a start with nothing pending then prepares no
		// statement, whose first use in a JVM costs several milliseconds
		String regclass = "to_regclass('" + database.qualify(table).replace("'", "''") + "')";
		return Optional.ofNullable(sql.queryForString("SELECT CASE WHEN " + regclass
				+ " IS NOT NULL THEN COALESCE(obj_description(" + regclass + ", 'pg_class'), '') END"));
	}

	/**
	 * The table and its comment in one statement, which PostgreSQL runs as one
	 * transaction: no crash can leave the table without its marker, which every later
	 * start would refuse as not Stepwise's.
	 */
	@Override
	List<String> createHistory(Database database, String table, String create, String marker) {
		return List.of(String.join(";\n", super.createHistory(database, table, create, marker)));
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
