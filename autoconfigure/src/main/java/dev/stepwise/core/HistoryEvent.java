package dev.stepwise.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the history table.
 *
 * @param rank the order of the event in the history
 * @param version the version it concerns
 * @param description the migration's description
 * @param operation what was done
 * @param className the migration's class
 * @param installedBy the database user that did it
 * @param installedOn when it was recorded
 * @param executionMs how long it took
 * @param transactional whether it ran in a transaction
 * @param outcome how it ended
 * @param detail why it failed, or what a repair cleared
 */
record HistoryEvent(int rank, Version version, String description, Operation operation, @Nullable String className,
		String installedBy, Instant installedOn, long executionMs, boolean transactional, Outcome outcome,
		@Nullable String detail) {

	/** What an event did. */
	enum Operation {

		/** A migration was applied. */
		UP,

		/** A migration was reverted. */
		DOWN,

		/** Older migrations were adopted as applied without running. */
		BASELINE,

		/** A failed entry was cleared after a person fixed the database. */
		REPAIR

	}

	/** How an event ended. */
	enum Outcome {

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

	/**
	 * What this event is about, to record another event about the same migration.
	 */
	HistoryEntry entry() {
		return new HistoryEntry(this.version, this.description, this.className, this.transactional);
	}

}
