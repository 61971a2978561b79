package dev.stepwise.core;

import java.time.Duration;

/**
 * A migration a run applied or reverted.
 *
 * @param version the version
 * @param description the description
 * @param className the migration's class
 * @param executionTime how long it took, including recording it in the history
 * @param transactional whether it ran in a transaction
 */
public record ExecutedMigration(String version, String description, String className, Duration executionTime,
		boolean transactional) {

}
