package dev.stepwise.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a run will apply, and the version the database is at before it.
 *
 * @param pending the migrations to apply, in order
 * @param currentVersion the newest applied version, or {@code null} if none
 */
record MigrationPlan(List<ResolvedMigration> pending, @Nullable Version currentVersion) {

	/**
	 * The newest applied version once the first {@code applied} pending migrations are
	 * applied.
	 */
	@Nullable Version currentVersionAfter(int applied) {
		Version current = this.currentVersion;
		for (ResolvedMigration migration : this.pending.subList(0, applied)) {
			if (current == null || migration.version().compareTo(current) > 0) {
				current = migration.version();
			}
		}
		return current;
	}

}
