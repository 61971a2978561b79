package dev.stepwise.api;

/**
 * A migration failed while it ran. The message names the migration, the database and the
 * underlying error, and says in what state the database was left.
 */
public class MigrationFailedException extends StepwiseException {

	private final String version;

	private final boolean databaseUnchanged;

	/**
	 * Create an exception.
	 * @param version the version of the migration that failed
	 * @param databaseUnchanged whether the database is known to be as it was before
	 * @param message what failed, in what state the database is, and what to do next
	 * @param cause the underlying failure
	 */
	public MigrationFailedException(String version, boolean databaseUnchanged, String message, Throwable cause) {
		super(Code.MIGRATION_FAILED, message, cause);
		this.version = version;
		this.databaseUnchanged = databaseUnchanged;
	}

	/**
	 * The version of the migration that failed.
	 * @return the version
	 */
	public String version() {
		return this.version;
	}

	/**
	 * Whether the database is known to be as it was before the migration started: true
	 * when its transaction was rolled back on a database with transactional DDL.
	 * @return whether the database is unchanged
	 */
	public boolean databaseUnchanged() {
		return this.databaseUnchanged;
	}

}
