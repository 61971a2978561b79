package dev.stepwise.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One migration version as {@link Stepwise#status()} reports it.
 *
 * @param version the version
 * @param description the description
 * @param state the state
 * @param className the migration's class, if known
 * @param transactional whether it runs in a transaction
 * @param reversible whether it implements {@code down}
 * @param installedOn when its latest event was recorded, if it has one
 * @param installedBy the database user of its latest event, if it has one
 * @param executionTimeMs how long its latest event took, in milliseconds, if it has one
 */
public record MigrationInfo(String version, String description, MigrationState state, @Nullable String className,
		boolean transactional, boolean reversible, @Nullable Instant installedOn, @Nullable String installedBy,
		@Nullable Long executionTimeMs) {

}
