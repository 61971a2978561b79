package dev.stepwise.autoconfigure;

/**
 * An operation to run instead of the normal start-up ({@code --stepwise.command=...}),
 * after which the application exits with a meaningful exit code.
 */
public enum StepwiseCommand {

	/** Print every migration with its state. */
	STATUS,

	/** Apply pending migrations, up to {@code stepwise.target} if set. */
	MIGRATE,

	/**
	 * Print the status and exit with 2 if anything is pending, failed, missing or out of
	 * order.
	 */
	VALIDATE,

	/**
	 * Revert the newest {@code stepwise.steps} migrations, or those newer than
	 * {@code stepwise.target}.
	 */
	REVERT,

	/**
	 * Clear failed and unfinished entries, as {@code stepwise.repair-resolution}
	 * declares.
	 */
	REPAIR,

	/** Adopt an existing database at {@code stepwise.baseline-version}. */
	BASELINE

}
