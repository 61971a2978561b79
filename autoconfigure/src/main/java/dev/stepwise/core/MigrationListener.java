package dev.stepwise.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Hears about each migration step as it runs, for progress reports, metrics and tracing.
 * Called on the thread that runs the migration; keep it quick and do not throw.
 */
public interface MigrationListener {

	/**
	 * A step started.
	 * @param execution the step
	 */
	default void started(MigrationExecution execution) {
	}

	/**
	 * A step reported progress through {@code MigrationContext.progress(done, total)}.
	 * @param execution the step, with the progress it reported
	 */
	default void progressed(MigrationExecution execution) {
	}

	/**
	 * A step finished.
	 * @param execution the step, with the progress it last reported
	 * @param duration how long it took, including recording it
	 * @param failure why it failed, or {@code null} if it succeeded
	 */
	default void finished(MigrationExecution execution, Duration duration, @Nullable Throwable failure) {
	}

}
