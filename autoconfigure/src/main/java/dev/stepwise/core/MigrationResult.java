package dev.stepwise.core;

import java.time.Duration;
import java.util.List;

import dev.stepwise.api.DatabaseKind;
import org.jspecify.annotations.Nullable;

/**
 * What a run of {@link Stepwise#migrate()} did.
 *
 * @param database the kind of database migrated
 * @param schema the schema holding the history, if the database reports one
 * @param applied the migrations applied, in order; empty when there was nothing to do
 * @param currentVersion the newest applied version after the run, or {@code null} if none
 * @param duration how long the run took, including waiting for the lock
 */
public record MigrationResult(DatabaseKind database, @Nullable String schema, List<ExecutedMigration> applied,
		@Nullable String currentVersion, Duration duration) {

}
