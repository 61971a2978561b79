package dev.stepwise.core;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a revert did.
 *
 * @param reverted the migrations reverted, newest first; empty when there was nothing to
 * revert
 * @param currentVersion the newest applied version after the revert, or {@code null} if
 * none
 * @param duration how long the revert took, including waiting for the lock
 */
public record RevertResult(List<ExecutedMigration> reverted, @Nullable String currentVersion, Duration duration) {

}
