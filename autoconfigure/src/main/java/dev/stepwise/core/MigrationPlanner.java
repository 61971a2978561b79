package dev.stepwise.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a run applies, after checking the migrations against the history:
 * unresolved failures, missing migrations, out-of-order migrations and an unknown target
 * each stop the run before anything changes.
 */
final class MigrationPlanner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationPlanner.class);

	private final boolean outOfOrder;

	private final boolean ignoreMissing;

	private final @Nullable String target;

	MigrationPlanner(boolean outOfOrder, boolean ignoreMissing, @Nullable String target) {
		this.outOfOrder = outOfOrder;
		this.ignoreMissing = ignoreMissing;
		this.target = target;
	}

	/**
	 * Whether planning names events of the history in an error or a warning (unresolved
	 * ones, or applied ones whose migration is missing), and so needs their details,
	 * which the history read before a migration run leaves out
	 * ({@link HistoryEvent#outcomeOnly}).
	 * @param migrations the migrations, in version order
	 * @param history the history
	 */
	boolean namesEvents(List<ResolvedMigration> migrations, MigrationHistory history) {
		return !history.unresolved().isEmpty() || !missing(history, migrations).isEmpty();
	}

	/**
	 * Check the migrations against the history and plan what to apply.
	 * @param migrations the migrations, in version order
	 * @param history the history, with the details of every event if {@link #namesEvents}
	 * says so
	 */
	MigrationPlan plan(List<ResolvedMigration> migrations, MigrationHistory history, String where) {
		List<HistoryEvent> missing = missing(history, migrations);
		refuseUnresolved(history, where);
		refuseMissing(missing, where);
		Version target = target(migrations);
		// none missing means each applied version has its own migration: as many of them
		// as migrations means none is pending, which spares every start a look-up each
		List<ResolvedMigration> pending = (missing.isEmpty() && history.applied().size() == migrations.size())
				? List.of() : pending(migrations, history, target);
		refuseOutOfOrder(pending, history, where);
		return new MigrationPlan(pending, history.currentVersion().orElse(null));
	}

	/**
	 * Plan what to apply after the first migrations, which a
	 * {@link HistorySummary#appliedPrefix summary} of the history confirmed as its only
	 * events: nothing is unresolved, missing or out of order, so the rest are pending, up
	 * to the target.
	 * @param migrations the migrations, in version order
	 * @param applied how many of them are applied, at least one
	 */
	MigrationPlan planAfter(List<ResolvedMigration> migrations, int applied) {
		Version target = target(migrations);
		List<ResolvedMigration> pending = new ArrayList<>();
		for (ResolvedMigration migration : migrations.subList(applied, migrations.size())) {
			if (target == null || migration.version().compareTo(target) <= 0) {
				pending.add(migration);
			}
		}
		return new MigrationPlan(List.copyOf(pending), migrations.get(applied - 1).version());
	}

	private static List<ResolvedMigration> pending(List<ResolvedMigration> migrations, MigrationHistory history,
			@Nullable Version target) {
		List<ResolvedMigration> pending = new ArrayList<>();
		for (ResolvedMigration migration : migrations) {
			if (!history.isApplied(migration.version())
					&& (target == null || migration.version().compareTo(target) <= 0)) {
				pending.add(migration);
			}
		}
		return List.copyOf(pending);
	}

	private void refuseUnresolved(MigrationHistory history, String where) {
		for (HistoryEvent event : history.unresolved()) {
			String what = "Migration " + event.version() + " (" + event.description() + ", " + event.className()
					+ ") is marked " + event.outcome() + " in " + where + " (installed_rank " + event.rank() + ", "
					+ event.installedOn() + ", by " + event.installedBy() + "): ";
			String why = (event.outcome() == Outcome.RUNNING)
					? "the process applying it stopped before it finished, so the database may hold part of it. "
					: "it failed and the database may hold part of it (" + event.detail() + "). ";
			throw new StepwiseException(Code.FAILED_MIGRATION_IN_HISTORY, what + why
					+ "Check the database, complete or undo that migration's changes by hand, then run a repair"
					+ " (stepwise.command=repair, with stepwise.repair-resolution=applied if you completed them)"
					+ " and start again." + " No migration was run.");
		}
	}

	private void refuseMissing(List<HistoryEvent> missing, String where) {
		if (missing.isEmpty()) {
			return;
		}
		String list = missing.stream()
			.map((event) -> event.version() + " (" + event.description() + ", " + event.className() + ")")
			.collect(Collectors.joining(", "));
		if (this.ignoreMissing) {
			logger.warn("Applied migrations with no Migration bean, ignored as configured: {}", list);
			return;
		}
		throw new StepwiseException(Code.MISSING_MIGRATION, "Applied migrations in " + where
				+ " have no Migration bean: " + list
				+ ". If they were removed on purpose, set stepwise.ignore-missing=true;"
				+ " if a newer version of the application applied them, deploy that version. No migration was run.");
	}

	/**
	 * The applied versions that have no migration, found by walking both in version order
	 * side by side.
	 */
	private static List<HistoryEvent> missing(MigrationHistory history, List<ResolvedMigration> migrations) {
		List<HistoryEvent> missing = new ArrayList<>();
		int next = 0;
		for (HistoryEvent event : history.applied()) {
			while (next < migrations.size() && migrations.get(next).version().compareTo(event.version()) < 0) {
				next++;
			}
			if (next == migrations.size() || !migrations.get(next).version().equals(event.version())) {
				missing.add(event);
			}
		}
		return missing;
	}

	private @Nullable Version target(List<ResolvedMigration> migrations) {
		if (this.target == null) {
			return null;
		}
		Version target;
		try {
			target = Version.parse(this.target);
		}
		catch (IllegalArgumentException ex) {
			throw new StepwiseException(Code.UNKNOWN_TARGET, "The target version is invalid: " + ex.getMessage(), ex);
		}
		if (find(migrations, target).isEmpty()) {
			throw new StepwiseException(Code.UNKNOWN_TARGET, "The target version " + this.target
					+ " names no migration; known versions: "
					+ migrations.stream()
						.map((migration) -> migration.version().toString())
						.collect(Collectors.joining(", "))
					+ ". Set stepwise.target to one of them, or leave it empty to apply all. No migration was run.");
		}
		return target;
	}

	private void refuseOutOfOrder(List<ResolvedMigration> pending, MigrationHistory history, String where) {
		Optional<Version> current = history.currentVersion();
		if (this.outOfOrder || current.isEmpty()) {
			return;
		}
		List<ResolvedMigration> older = new ArrayList<>();
		for (ResolvedMigration migration : pending) {
			if (migration.version().compareTo(current.get()) < 0) {
				older.add(migration);
			}
		}
		if (!older.isEmpty()) {
			throw new StepwiseException(Code.OUT_OF_ORDER_MIGRATION,
					"Pending migrations are older than the newest applied version " + current.get() + " in " + where
							+ ": "
							+ older.stream().map(ResolvedMigration::displayName).collect(Collectors.joining(", "))
							+ ". Give them a version above " + current.get()
							+ ", or set stepwise.out-of-order=true to apply them anyway. No migration was run.");
		}
	}

	/**
	 * The migrations to revert, newest first: the newest {@code steps} applied ones, or
	 * every applied one newer than {@code target}. Refused before anything runs if one of
	 * them has no bean, is irreversible, or is applied only through the baseline.
	 */
	List<ResolvedMigration> planRevert(List<ResolvedMigration> migrations, MigrationHistory history, int steps,
			@Nullable Version target, String where) {
		refuseUnresolved(history, where);
		List<HistoryEvent> applied = new ArrayList<>(history.applied());
		Collections.reverse(applied);
		List<HistoryEvent> chosen = (target != null)
				? applied.stream().filter((event) -> event.version().compareTo(target) > 0).toList()
				: applied.subList(0, Math.min(steps, applied.size()));
		refuseBaselineCrossing(history, steps, applied.size(), target, where);
		List<ResolvedMigration> reverts = new ArrayList<>();
		for (HistoryEvent event : chosen) {
			ResolvedMigration migration = find(migrations, event.version())
				.orElseThrow(() -> new StepwiseException(Code.MISSING_MIGRATION, "Cannot revert migration "
						+ event.version() + " (" + event.description() + ", " + event.className() + ") in " + where
						+ ": no Migration bean has that version, so there is no down step to run. Nothing was reverted."));
			if (!migration.reversible()) {
				throw new StepwiseException(Code.IRREVERSIBLE_MIGRATION, "Cannot revert migration "
						+ migration.displayName() + " in " + where
						+ ": it is irreversible (it does not implement down). Revert fewer migrations, or choose a target"
						+ " at or above " + migration.version() + ". Nothing was reverted.");
			}
			reverts.add(migration);
		}
		return List.copyOf(reverts);
	}

	private void refuseBaselineCrossing(MigrationHistory history, int wanted, int available, @Nullable Version target,
			String where) {
		HistoryEvent baseline = history.baseline().orElse(null);
		if (baseline == null) {
			return;
		}
		boolean crosses = (target != null) ? baseline.version().compareTo(target) > 0 : wanted > available;
		if (crosses) {
			throw new StepwiseException(Code.IRREVERSIBLE_MIGRATION,
					"Cannot revert below the baseline " + baseline.version() + " in " + where
							+ ": migrations up to the baseline were never run by Stepwise, so they have no down step. "
							+ "Revert fewer migrations, or choose a target at or above " + baseline.version()
							+ ". Nothing was reverted.");
		}
	}

	private static Optional<ResolvedMigration> find(List<ResolvedMigration> migrations, Version version) {
		return migrations.stream().filter((migration) -> migration.version().equals(version)).findFirst();
	}

}
