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

	/**
	 * What this event is about, to record another event about the same migration.
	 */
	HistoryEntry entry() {
		return new HistoryEntry(this.version, this.description, this.className, this.transactional);
	}

}
