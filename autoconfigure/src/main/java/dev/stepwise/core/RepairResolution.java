package dev.stepwise.core;

/**
 * What a person declares about a failed migration when repairing it.
 */
public enum RepairResolution {

	/** The migration's changes are in the database: count it as applied. */
	APPLIED,

	/** The migration's changes are not in the database: count it as not applied. */
	NOT_APPLIED

}
