package dev.stepwise.api;

/**
 * A versioned change to a database, written in Java. Declare it as a Spring bean (or hand
 * it to {@code Stepwise.builder()}) and Stepwise applies it once, in version order,
 * recording it in the history table.
 * <p>
 * By convention the version and description come from the class name
 * {@code V<version>__<Description>}: {@code V20261122_01__Add_keywords} is version
 * {@code 20261122.01}, described as {@code Add keywords}. Override {@link #version()} and
 * {@link #description()} to choose them yourself.
 *
 * <pre class="code">
 * &#64;Component
 * class V2__Add_keywords implements Migration {
 *
 *     public void up(MigrationContext context) {
 *         context.jdbc().execute("ALTER TABLE product ADD COLUMN keywords VARCHAR(200)");
 *     }
 *
 *     public void down(MigrationContext context) {
 *         context.jdbc().execute("ALTER TABLE product DROP COLUMN keywords");
 *     }
 *
 * }
 * </pre>
 */
public interface Migration {

	/**
	 * Apply this migration.
	 * @param context the connection-bound context to run statements with
	 * @throws Exception on any failure: the migration is then rolled back (or, when it
	 * cannot be, recorded as failed) and the run stops
	 */
	void up(MigrationContext context) throws Exception;

	/**
	 * Undo what {@link #up(MigrationContext)} did. The default implementation declares
	 * the migration irreversible by throwing {@link StepwiseException}.
	 * @param context the connection-bound context to run statements with
	 * @throws Exception on any failure
	 */
	default void down(MigrationContext context) throws Exception {
		throw new StepwiseException(StepwiseException.Code.IRREVERSIBLE_MIGRATION,
				"Migration " + version() + " (" + description() + ", " + ClassNameConvention.userClass(this).getName()
						+ ") is irreversible: it does not implement down(MigrationContext)");
	}

	/**
	 * The version of this migration: digit groups separated by {@code .} or {@code _},
	 * compared numerically group by group ({@code 1.10} comes after {@code 1.9}). Derived
	 * from the class name by default.
	 * @return the version
	 */
	default String version() {
		return ClassNameConvention.of(this).version();
	}

	/**
	 * A short description of this migration. Derived from the class name by default, with
	 * underscores read as spaces.
	 * @return the description
	 */
	default String description() {
		return ClassNameConvention.of(this).description();
	}

	/**
	 * Whether this migration runs in a transaction of its own that also records it in the
	 * history. Return {@code false} for statements that cannot run in a transaction, such
	 * as PostgreSQL's {@code CREATE INDEX CONCURRENTLY}: the migration then runs with
	 * auto-commit and a failure leaves a {@code FAILED} entry that blocks later runs
	 * until the database is repaired.
	 * @return {@code true} by default
	 */
	default boolean transactional() {
		return true;
	}

}
