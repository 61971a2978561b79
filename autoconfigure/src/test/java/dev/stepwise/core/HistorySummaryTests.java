package dev.stepwise.core;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HistorySummary}.
 */
class HistorySummaryTests {

	private final List<ResolvedMigration> migrations = migrations("1", "2", "10", "11");

	@Test
	void confirmsTheFirstMigrationsEachAppliedOnceInOrder() {
		assertThat(new HistorySummary(3, 3, 3, "1,2,10").appliedPrefix(this.migrations)).isEqualTo(3);
		assertThat(new HistorySummary(4, 4, 9, "1,2,10,11").appliedPrefix(this.migrations)).isEqualTo(4);
	}

	@Test
	void confirmsNothingOfAHistoryWithAnyOtherEvent() {
		assertThat(new HistorySummary(3, 2, 3, "1,2,2").appliedPrefix(this.migrations)).isZero();
	}

	@Test
	void confirmsNothingOfAnEmptyHistory() {
		assertThat(new HistorySummary(0, 0, 0, null).appliedPrefix(this.migrations)).isZero();
	}

	@Test
	void confirmsNothingOfMoreVersionsThanMigrations() {
		assertThat(new HistorySummary(5, 5, 5, "1,2,10,11,12").appliedPrefix(this.migrations)).isZero();
	}

	@Test
	void confirmsNothingOfVersionsRecordedOutOfOrder() {
		assertThat(new HistorySummary(2, 2, 2, "2,1").appliedPrefix(this.migrations)).isZero();
	}

	@Test
	void confirmsNothingOfAVersionWithoutItsMigration() {
		assertThat(new HistorySummary(2, 2, 2, "1,3").appliedPrefix(this.migrations)).isZero();
	}

	@Test
	void confirmsNothingOfAVersionSpelledAnotherWay() {
		assertThat(new HistorySummary(2, 2, 2, "1.0,2").appliedPrefix(this.migrations)).isZero();
	}

	@Test
	void confirmsNothingOfVersionsThatOnlyBeginTheMigrations() {
		assertThat(new HistorySummary(3, 3, 3, "1,2,1").appliedPrefix(this.migrations)).isZero();
		assertThat(new HistorySummary(2, 2, 2, "1,20").appliedPrefix(this.migrations)).isZero();
	}

	@Test
	void confirmsNothingOfVersionsCutShort() {
		assertThat(new HistorySummary(3, 3, 3, "1,2").appliedPrefix(this.migrations)).isZero();
	}

	@Test
	void foldsEventsAsTheDatabaseSumsThemUp() {
		HistorySummary summary = HistorySummary.of(List.of(new HistorySummary.Event(1, "1", true),
				new HistorySummary.Event(2, "2", false), new HistorySummary.Event(5, "2", true)));
		assertThat(summary).isEqualTo(new HistorySummary(3, 2, 5, "1,2,2"));
		assertThat(summary.appliedPrefix(this.migrations)).isZero();
		assertThat(HistorySummary.of(List.of(new HistorySummary.Event(1, "1", true),
				new HistorySummary.Event(2, "2", true), new HistorySummary.Event(3, "10", true)))
			.appliedPrefix(this.migrations)).isEqualTo(3);
	}

	@Test
	void foldsNoEventsAsTheDatabaseSumsUpAnEmptyTable() {
		assertThat(HistorySummary.of(List.of())).isEqualTo(new HistorySummary(0, 0, 0, null));
	}

	private static List<ResolvedMigration> migrations(String... versions) {
		return MigrationResolver
			.resolve(Stream.of(versions).map((version) -> TestMigration.createTable(version, "t" + version)).toList());
	}

}
