package dev.stepwise.core;

/**
 * The state of one migration version, from its bean and its history.
 */
public enum MigrationState {

	/** Applied and recorded. */
	APPLIED,

	/** Counted as applied because it is at or below the baseline. */
	BASELINE,

	/** Not applied yet. */
	PENDING,

	/** Not applied and older than the newest applied version. */
	OUT_OF_ORDER,

	/** Applied, then reverted: pending again. */
	REVERTED,

	/** Started and never finished: the process died while applying it. */
	RUNNING,

	/** Failed and may have left part of its changes: blocks later runs until repaired. */
	FAILED,

	/** Applied, but no migration with this version exists any more. */
	MISSING;

	/**
	 * Whether a migrate would apply a migration in this state.
	 * @return {@code true} for pending, out-of-order and reverted migrations
	 */
	public boolean isPending() {
		return this == PENDING || this == OUT_OF_ORDER || this == REVERTED;
	}

	/**
	 * Whether the migration is applied, by running or through the baseline.
	 * @return {@code true} for applied and baseline migrations
	 */
	public boolean isApplied() {
		return this == APPLIED || this == BASELINE;
	}

	/**
	 * Whether the migration blocks later runs until a person repairs it.
	 * @return {@code true} for failed and running migrations
	 */
	public boolean isFailed() {
		return this == FAILED || this == RUNNING;
	}

}
