package dev.stepwise.core;

/**
 * What a history event did.
 */
public enum Operation {

	/** A migration was applied. */
	UP,

	/** A migration was reverted. */
	DOWN,

	/** Older migrations were adopted as applied without running. */
	BASELINE,

	/** A failed entry was cleared after a person fixed the database. */
	REPAIR

}
