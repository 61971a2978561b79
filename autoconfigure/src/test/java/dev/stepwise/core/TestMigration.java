package dev.stepwise.core;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

/**
 * A migration for tests, made of SQL statements or a lambda.
 */
final class TestMigration implements Migration {

	private final String version;

	private final Step up;

	private final boolean transactional;

	private TestMigration(String version, Step up, boolean transactional) {
		this.version = version;
		this.up = up;
		this.transactional = transactional;
	}

	static TestMigration sql(String version, String... statements) {
		return of(version, (context) -> {
			for (String statement : statements) {
				context.jdbc().execute(statement);
			}
		});
	}

	static TestMigration createTable(String version, String table) {
		return sql(version, "CREATE TABLE " + table + " (id INT PRIMARY KEY)");
	}

	static TestMigration of(String version, Step up) {
		return new TestMigration(version, up, true);
	}

	TestMigration nonTransactional() {
		return new TestMigration(this.version, this.up, false);
	}

	@Override
	public void up(MigrationContext context) throws Exception {
		this.up.run(context);
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public String description() {
		return "Migration " + this.version;
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	/**
	 * What a test migration does.
	 */
	interface Step {

		void run(MigrationContext context) throws Exception;

	}

}
