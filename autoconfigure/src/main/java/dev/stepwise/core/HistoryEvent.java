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
	 * An event read without its details, for the check before a migration run: the
	 * description and user are empty, the class and detail {@code null} and the time the
	 * epoch. That check reads the full history again before it names an event.
	 */
	static HistoryEvent outcomeOnly(int rank, Version version, Operation operation, Outcome outcome) {
		return new HistoryEvent(rank, version, "", operation, null, "", Instant.EPOCH, 0, true, outcome, null);
	}

	/**
	 * What this event is about, to record another event about the same migration.
	 */
	HistoryEntry entry() {
		return new HistoryEntry(this.version, this.description, this.className, this.transactional);
	}

}
