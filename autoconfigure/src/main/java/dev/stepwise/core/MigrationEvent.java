package dev.stepwise.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded event of a migration version, as {@link Stepwise#events(String)} reports
 * it.
 *
 * @param rank the order of the event in the history
 * @param operation what was done
 * @param outcome how it ended
 * @param installedOn when it was recorded
 * @param installedBy the database user that did it
 * @param executionMs how long it took
 * @param detail the error message of a failure, or what a repair cleared
 */
public record MigrationEvent(int rank, Operation operation, Outcome outcome, Instant installedOn, String installedBy,
		long executionMs, @Nullable String detail) {

}
