package dev.stepwise.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

	private final @Nullable HistoryEvent baseline;

	private MigrationHistory(boolean empty, Map<Version, HistoryEvent> latest, @Nullable HistoryEvent baseline) {
		this.empty = empty;
		this.latest = latest;
		this.baseline = baseline;
	}

	static MigrationHistory of(List<HistoryEvent> events) {
		Map<Version, HistoryEvent> latest = new TreeMap<>();
		HistoryEvent baseline = null;
		for (HistoryEvent event : events) {
			if (event.operation() == Operation.BASELINE) {
				baseline = event;
			}
			else if (event.outcome() != Outcome.ROLLED_BACK) {
				latest.put(event.version(), event);
			}
		}
		return new MigrationHistory(events.isEmpty(), latest, baseline);
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
		return this.latest.values().stream();
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
		return latestEvents().filter(MigrationHistory::applies).toList();
	}

	/**
	 * The events that failed or never finished and still stand.
	 */
	List<HistoryEvent> unresolved() {
		return latestEvents().filter(MigrationHistory::isUnresolved).toList();
	}

	Optional<Version> currentVersion() {
		Stream<Version> baseline = (this.baseline != null) ? Stream.of(this.baseline.version()) : Stream.empty();
		return Stream.concat(baseline, applied().stream().map(HistoryEvent::version)).max(Version::compareTo);
	}

	static boolean applies(HistoryEvent event) {
		return (event.operation() == Operation.UP && event.outcome() == Outcome.SUCCESS)
				|| (event.operation() == Operation.REPAIR && event.outcome() == Outcome.APPLIED);
	}

	static boolean isUnresolved(HistoryEvent event) {
		return event.outcome() == Outcome.FAILED || event.outcome() == Outcome.RUNNING;
	}

}
