package dev.stepwise.core;

/**
 * PostgreSQL: time zone aware timestamps and a session advisory lock.
 */
final class PostgresDialect extends Dialect {

	@Override
	String timestampType() {
		return "TIMESTAMP WITH TIME ZONE";
	}

	@Override
	MigrationLock lock(Database database, String table) {
		return new AdvisoryLock(database.dataSource(), LockNames.key(database, table));
	}

}
