package dev.stepwise.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.stepwise.core.HistoryEvent.Operation;
import dev.stepwise.core.HistoryEvent.Outcome;

/**
 * The state of every version, folded from the events of the history table: a version is
 * applied when its latest {@code UP} or {@code DOWN} event is a successful {@code UP},
 * and unresolved when that event failed or never finished. Rolled-back attempts are audit
 * entries and change nothing.
 */
final class MigrationHistory {

	private final Map<Version, HistoryEvent> latest;

	private MigrationHistory(Map<Version, HistoryEvent> latest) {
		this.latest = latest;
	}

	static MigrationHistory of(List<HistoryEvent> events) {
		Map<Version, HistoryEvent> latest = new TreeMap<>();
		for (HistoryEvent event : events) {
			boolean counts = event.operation() == Operation.UP || event.operation() == Operation.DOWN;
			if (counts && event.outcome() != Outcome.ROLLED_BACK) {
				latest.put(event.version(), event);
			}
		}
		return new MigrationHistory(latest);
	}

	/**
	 * The latest event of every applied version, oldest version first.
	 */
	Map<Version, HistoryEvent> applied() {
		Map<Version, HistoryEvent> applied = new LinkedHashMap<>();
		this.latest.forEach((version, event) -> {
			if (event.operation() == Operation.UP && event.outcome() == Outcome.SUCCESS) {
				applied.put(version, event);
			}
		});
		return applied;
	}

	/**
	 * The events that failed or never finished and still stand.
	 */
	List<HistoryEvent> unresolved() {
		return this.latest.values()
			.stream()
			.filter((event) -> event.outcome() == Outcome.FAILED || event.outcome() == Outcome.RUNNING)
			.toList();
	}

	boolean isApplied(Version version) {
		HistoryEvent event = this.latest.get(version);
		return event != null && event.operation() == Operation.UP && event.outcome() == Outcome.SUCCESS;
	}

	Optional<Version> currentVersion() {
		return applied().keySet().stream().reduce((first, second) -> second);
	}

}
