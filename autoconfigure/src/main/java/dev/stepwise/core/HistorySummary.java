package dev.stepwise.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The history in one row: how many events it has, how many of them are successful
 * {@code UP}s, the newest rank, and every version in the order recorded. Enough to
 * confirm the history of most databases, which holds exactly the first migrations, each
 * applied once and in order, without parsing and validating every event on every start:
 * where the database sums it up, without even fetching them.
 *
 * @param events the number of events
 * @param successfulUps the number of successful {@code UP} events
 * @param newestRank the newest {@code installed_rank}, {@code 0} if there are no events
 * @param versions the versions of all events, joined by {@code ,} in
 * {@code installed_rank} order; {@code null} if there are none
 */
record HistorySummary(int events, int successfulUps, int newestRank, @Nullable String versions) {

	/**
	 * The summary of a history's events, oldest first, where the database does not sum it
	 * up itself.
	 * @param events the events
	 * @return the summary
	 */
	static HistorySummary of(List<Event> events) {
		if (events.isEmpty()) {
			return new HistorySummary(0, 0, 0, null);
		}
		StringBuilder versions = new StringBuilder();
		int successfulUps = 0;
		for (Event event : events) {
			versions.append((versions.length() > 0) ? "," : "").append(event.version());
			successfulUps += event.successfulUp() ? 1 : 0;
		}
		return new HistorySummary(events.size(), successfulUps, events.get(events.size() - 1).rank(),
				versions.toString());
	}

	/**
	 * How many migrations the history confirms as applied: the first {@code n} of them,
	 * when its events are exactly one successful {@code UP} of each, recorded in version
	 * order. Compares the versions as written, without parsing them.
	 * @param migrations the migrations, in version order
	 * @return {@code n}, or {@code 0} when the summary does not confirm the history (any
	 * other event, another order, another version or another spelling of one), which must
	 * then be read event by event
	 */
	int appliedPrefix(List<ResolvedMigration> migrations) {
		if (this.events == 0 || this.successfulUps != this.events || this.events > migrations.size()
				|| this.versions == null) {
			return 0;
		}
		int at = 0;
		for (int i = 0; i < this.events; i++) {
			if (i > 0) {
				if (at >= this.versions.length() || this.versions.charAt(at) != ',') {
					return 0;
				}
				at++;
			}
			String version = migrations.get(i).version().toString();
			if (!this.versions.startsWith(version, at)) {
				return 0;
			}
			at += version.length();
		}
		return (at == this.versions.length()) ? this.events : 0;
	}

	/**
	 * One event as the summary counts it.
	 *
	 * @param rank its {@code installed_rank}
	 * @param version its version as written
	 * @param successfulUp whether it is a successful {@code UP}
	 */
	record Event(int rank, String version, boolean successfulUp) {

	}

}
