package dev.stepwise.core;

/**
 * How a history event ended.
 */
public enum Outcome {

	/** It completed. */
	SUCCESS,

	/** It failed and may have left part of its changes: later runs are blocked. */
	FAILED,

	/** It started and has not finished; found by a later run, the process died. */
	RUNNING,

	/** It failed and its transaction was rolled back: recorded for the audit only. */
	ROLLED_BACK,

	/** A repair declared the migration's changes present in the database. */
	APPLIED,

	/** A repair declared the migration's changes absent from the database. */
	NOT_APPLIED

}
