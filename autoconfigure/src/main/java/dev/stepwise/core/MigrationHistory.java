package dev.stepwise.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The state of every version, folded from the events of the history table.
 * <ul>
 * <li>A version's latest {@code UP}, {@code DOWN} or {@code REPAIR} event decides its
 * state: a successful {@code UP} or a repair that declared it {@code APPLIED} means
 * applied; a failed or unfinished event means unresolved; anything else means not
 * applied.</li>
 * <li>A version with no such event counts as applied when it is at or below the latest
 * {@code BASELINE}.</li>
 * <li>Rolled-back attempts are audit entries and change nothing.</li>
 * </ul>
 */
final class MigrationHistory {

	private final boolean empty;

	private final Map<Version, HistoryEvent> latest;

	private final List<HistoryEvent> byVersion;

	private final @Nullable HistoryEvent baseline;

	private final List<HistoryEvent> applied;

	private final List<HistoryEvent> unresolved;

	private MigrationHistory(boolean empty, Map<Version, HistoryEvent> latest, List<HistoryEvent> byVersion,
			@Nullable HistoryEvent baseline, List<HistoryEvent> applied, List<HistoryEvent> unresolved) {
		this.empty = empty;
		this.latest = latest;
		this.byVersion = byVersion;
		this.baseline = baseline;
		this.applied = applied;
		this.unresolved = unresolved;
	}

	/**
	 * Fold the events, oldest first, in plain loops: every start does this for every
	 * version in a cold JVM. Versions are kept in the order they first appear, which is
	 * usually their order already: then one comparison per version confirms it, and no
	 * sort runs.
	 */
	static MigrationHistory of(List<HistoryEvent> events) {
		Map<Version, HistoryEvent> latest = new LinkedHashMap<>();
		HistoryEvent baseline = null;
		for (HistoryEvent event : events) {
			if (event.operation() == Operation.BASELINE) {
				baseline = event;
			}
			else if (event.outcome() != Outcome.ROLLED_BACK) {
				latest.put(event.version(), event);
			}
		}
		List<HistoryEvent> byVersion = new ArrayList<>(latest.values());
		if (!ascending(byVersion)) {
			byVersion.sort((first, second) -> first.version().compareTo(second.version()));
		}
		List<HistoryEvent> applied = new ArrayList<>();
		List<HistoryEvent> unresolved = new ArrayList<>();
		for (HistoryEvent event : byVersion) {
			if (applies(event)) {
				applied.add(event);
			}
			else if (isUnresolved(event)) {
				unresolved.add(event);
			}
		}
		return new MigrationHistory(events.isEmpty(), latest, List.copyOf(byVersion), baseline, List.copyOf(applied),
				List.copyOf(unresolved));
	}

	private static boolean ascending(List<HistoryEvent> events) {
		for (int i = 1; i < events.size(); i++) {
			if (events.get(i - 1).version().compareTo(events.get(i).version()) > 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the history has no event at all.
	 */
	boolean isEmpty() {
		return this.empty;
	}

	Optional<HistoryEvent> baseline() {
		return Optional.ofNullable(this.baseline);
	}

	/**
	 * The latest event that decides the state of a version, if any.
	 */
	Optional<HistoryEvent> latest(Version version) {
		return Optional.ofNullable(this.latest.get(version));
	}

	/**
	 * The versions that have events, oldest first.
	 */
	Stream<HistoryEvent> latestEvents() {
		return this.byVersion.stream();
	}

	boolean isApplied(Version version) {
		HistoryEvent event = this.latest.get(version);
		return (event != null) ? applies(event) : isBelowBaseline(version);
	}

	/**
	 * Whether a version counts as applied through the baseline alone.
	 */
	boolean isBelowBaseline(Version version) {
		return this.baseline != null && !this.latest.containsKey(version)
				&& version.compareTo(this.baseline.version()) <= 0;
	}

	/**
	 * The latest event of every version that events applied, oldest version first.
	 */
	List<HistoryEvent> applied() {
		return this.applied;
	}

	/**
	 * The events that failed or never finished and still stand.
	 */
	List<HistoryEvent> unresolved() {
		return this.unresolved;
	}

	/**
	 * The newest applied version, counting the baseline.
	 */
	Optional<Version> currentVersion() {
		Version newest = this.applied.isEmpty() ? null : this.applied.get(this.applied.size() - 1).version();
		if (this.baseline != null && (newest == null || this.baseline.version().compareTo(newest) > 0)) {
			newest = this.baseline.version();
		}
		return Optional.ofNullable(newest);
	}

	static boolean applies(HistoryEvent event) {
		return (event.operation() == Operation.UP && event.outcome() == Outcome.SUCCESS)
				|| (event.operation() == Operation.REPAIR && event.outcome() == Outcome.APPLIED);
	}

	static boolean isUnresolved(HistoryEvent event) {
		return event.outcome() == Outcome.FAILED || event.outcome() == Outcome.RUNNING;
	}

}
