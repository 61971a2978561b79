package dev.stepwise.core;

import org.jspecify.annotations.Nullable;

/**
 * What a history event is about: a migration, or a baseline.
 *
 * @param version the version
 * @param description the description
 * @param className the migration's class, if there is one
 * @param transactional whether the migration runs in a transaction
 */
record HistoryEntry(Version version, String description, @Nullable String className, boolean transactional) {

	static HistoryEntry of(ResolvedMigration migration) {
		return new HistoryEntry(migration.version(), migration.description(), migration.className(),
				migration.migration().transactional());
	}

	static HistoryEntry baseline(Version version) {
		return new HistoryEntry(version, "Baseline", null, true);
	}

}
