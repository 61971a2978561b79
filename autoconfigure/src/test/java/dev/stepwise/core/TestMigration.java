package dev.stepwise.core;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

/**
 * A migration for tests, made of SQL statements or a lambda.
 */
class TestMigration implements Migration {

	private final String version;

	private final Step up;

	private final boolean transactional;

	TestMigration(String version, Step up, boolean transactional) {
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

	/**
	 * A reversible migration that creates a table, and drops it in {@code down}.
	 */
	static TestMigration createTable(String version, String table) {
		return new Reversible(version,
				(context) -> context.jdbc().execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)"),
				(context) -> context.jdbc().execute("DROP TABLE " + table), true);
	}

	static TestMigration of(String version, Step up) {
		return new TestMigration(version, up, true);
	}

	TestMigration nonTransactional() {
		return new TestMigration(this.version, this.up, false);
	}

	Step up() {
		return this.up;
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
	 * A test migration with a {@code down} step.
	 */
	static final class Reversible extends TestMigration {

		private final Step down;

		Reversible(String version, Step up, Step down, boolean transactional) {
			super(version, up, transactional);
			this.down = down;
		}

		@Override
		TestMigration nonTransactional() {
			return new Reversible(version(), up(), this.down, false);
		}

		@Override
		public void down(MigrationContext context) throws Exception {
			this.down.run(context);
		}

	}

	/**
	 * What a test migration does.
	 */
	interface Step {

		void run(MigrationContext context) throws Exception;

	}

}
