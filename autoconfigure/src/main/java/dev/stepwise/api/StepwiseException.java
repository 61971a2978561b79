package dev.stepwise.api;

import org.jspecify.annotations.Nullable;

/**
 * The root of the exceptions Stepwise throws, with a {@link Code} that says what went
 * wrong and a message that says what to do about it.
 */
public class StepwiseException extends RuntimeException {

	private final Code code;

	/**
	 * Create an exception.
	 * @param code what went wrong
	 * @param message what went wrong and what to do next, for a person
	 */
	public StepwiseException(Code code, String message) {
		this(code, message, null);
	}

	/**
	 * Create an exception with a cause.
	 * @param code what went wrong
	 * @param message what went wrong and what to do next, for a person
	 * @param cause the underlying failure
	 */
	public StepwiseException(Code code, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	/**
	 * What went wrong, for programs.
	 * @return the code
	 */
	public Code code() {
		return this.code;
	}

	/**
	 * What went wrong.
	 */
	public enum Code {

		/** A migration has an unparsable version or an empty description. */
		INVALID_MIGRATION,

		/** Two migrations have the same version. */
		DUPLICATE_VERSION,

		/** The history has an entry that failed or never finished. */
		FAILED_MIGRATION_IN_HISTORY,

		/** An applied migration has no bean. */
		MISSING_MIGRATION,

		/** A pending migration is older than the newest applied one. */
		OUT_OF_ORDER_MIGRATION,

		/** The target version names no migration. */
		UNKNOWN_TARGET,

		/** A migration failed while it ran. */
		MIGRATION_FAILED,

		/** A migration cannot be reverted. */
		IRREVERSIBLE_MIGRATION,

		/** The migration lock was not acquired in time. */
		LOCK_TIMEOUT,

		/** The history table cannot be used by this release. */
		INCOMPATIBLE_HISTORY,

		/** A repair found no failed or unfinished migration to clear. */
		NOTHING_TO_REPAIR,

		/** A baseline was asked for on a history that already has events. */
		HISTORY_NOT_EMPTY,

		/** Stepwise's configuration contradicts itself or the application's. */
		INVALID_CONFIGURATION,

		/** The database refused Stepwise's own bookkeeping. */
		DATABASE_ERROR

	}

}
