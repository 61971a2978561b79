package dev.stepwise.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A migration step while it runs, with the progress it last reported.
 *
 * @param version the version
 * @param description the description
 * @param className the migration's class
 * @param operation {@link Operation#UP} or {@link Operation#DOWN}
 * @param startedAt when the step started
 * @param done how much work is done, as the migration last reported; 0 if it has not
 * @param total how much work there is in all, as the migration last reported; 0 if it has
 * not
 */
public record MigrationExecution(String version, String description, String className, Operation operation,
		Instant startedAt, long done, long total) {

	/**
	 * How long the step has been running.
	 * @return the time since it started
	 */
	public Duration elapsed() {
		return Duration.between(this.startedAt, Instant.now());
	}

	MigrationExecution withProgress(long done, long total) {
		return new MigrationExecution(this.version, this.description, this.className, this.operation, this.startedAt,
				done, total);
	}

}
