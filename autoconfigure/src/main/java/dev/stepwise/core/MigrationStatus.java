package dev.stepwise.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Every known migration version, from the migrations and the history together, oldest
 * first.
 *
 * @param currentVersion the newest applied version, or {@code null} if none
 * @param migrations every known version with its state
 */
public record MigrationStatus(@Nullable String currentVersion, List<MigrationInfo> migrations) {

	/**
	 * How many migrations are applied, including those covered by the baseline.
	 * @return the count
	 */
	public long appliedCount() {
		return count(MigrationState::isApplied);
	}

	/**
	 * How many migrations a migrate would apply.
	 * @return the count
	 */
	public long pendingCount() {
		return count(MigrationState::isPending);
	}

	/**
	 * How many migrations failed or never finished.
	 * @return the count
	 */
	public long failedCount() {
		return count(MigrationState::isFailed);
	}

	/**
	 * Whether the database is exactly where the migrations say it should be: nothing
	 * pending, failed, missing or out of order.
	 * @return whether all is applied and nothing needs attention
	 */
	public boolean isUpToDate() {
		return this.migrations.stream().allMatch((migration) -> migration.state().isApplied());
	}

	private long count(Predicate<MigrationState> predicate) {
		return this.migrations.stream().filter((migration) -> predicate.test(migration.state())).count();
	}

	static MigrationStatus of(List<ResolvedMigration> migrations, MigrationHistory history) {
		Optional<Version> current = history.currentVersion();
		List<Entry> entries = new ArrayList<>();
		for (ResolvedMigration migration : migrations) {
			Optional<HistoryEvent> event = history.latest(migration.version());
			entries.add(new Entry(migration.version(), info(migration, event.orElse(null),
					state(migration.version(), event.orElse(null), history, current))));
		}
		history.latestEvents()
			.filter((event) -> migrations.stream()
				.noneMatch((migration) -> migration.version().equals(event.version())))
			.filter((event) -> MigrationHistory.applies(event) || MigrationHistory.isUnresolved(event))
			.forEach((event) -> entries.add(new Entry(event.version(),
					info(event, MigrationHistory.applies(event) ? MigrationState.MISSING : state(event)))));
		history.baseline()
			.filter((baseline) -> entries.stream().noneMatch((entry) -> entry.version().equals(baseline.version())))
			.ifPresent(
					(baseline) -> entries.add(new Entry(baseline.version(), info(baseline, MigrationState.BASELINE))));
		entries.sort(Comparator.comparing(Entry::version));
		return new MigrationStatus(current.map(Version::toString).orElse(null),
				entries.stream().map(Entry::info).toList());
	}

	private static MigrationState state(Version version, @Nullable HistoryEvent event, MigrationHistory history,
			Optional<Version> current) {
		if (event != null) {
			return state(event);
		}
		if (history.isBelowBaseline(version)) {
			return MigrationState.BASELINE;
		}
		return (current.isPresent() && version.compareTo(current.get()) < 0) ? MigrationState.OUT_OF_ORDER
				: MigrationState.PENDING;
	}

	private static MigrationState state(HistoryEvent event) {
		return switch (event.outcome()) {
			case FAILED -> MigrationState.FAILED;
			case RUNNING -> MigrationState.RUNNING;
			default -> MigrationHistory.applies(event) ? MigrationState.APPLIED
					: (event.operation() == Operation.DOWN) ? MigrationState.REVERTED : MigrationState.PENDING;
		};
	}

	private static MigrationInfo info(ResolvedMigration migration, @Nullable HistoryEvent event, MigrationState state) {
		return new MigrationInfo(migration.version().toString(), migration.description(), state, migration.className(),
				migration.migration().transactional(), migration.reversible(),
				(event != null) ? event.installedOn() : null, (event != null) ? event.installedBy() : null,
				(event != null) ? event.executionMs() : null);
	}

	private static MigrationInfo info(HistoryEvent event, MigrationState state) {
		return new MigrationInfo(event.version().toString(), event.description(), state, event.className(),
				event.transactional(), false, event.installedOn(), event.installedBy(), event.executionMs());
	}

	private record Entry(Version version, MigrationInfo info) {
	}

}
