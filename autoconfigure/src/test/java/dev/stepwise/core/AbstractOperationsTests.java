package dev.stepwise.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.stepwise.api.Migration;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Revert, baseline, repair and status, which every database must support. Each database
 * runs these in a subclass of its own; each test works in a fresh schema.
 */
abstract class AbstractOperationsTests extends EngineTestSupport {

	private static final Migration ONE = TestMigration.createTable("1", "t1");

	private static final Migration TWO = TestMigration.createTable("2", "t2");

	private static final Migration THREE = TestMigration.createTable("3", "t3");

	@Test
	void revertsTheNewestMigrationWhichTheNextMigrateAppliesAgain() {
		migrate(ONE, TWO, THREE);
		RevertResult result = stepwise(ONE, TWO, THREE).build().revert(1);
		assertThat(result.reverted()).extracting(ExecutedMigration::version).containsExactly("3");
		assertThat(result.currentVersion()).isEqualTo("2");
		assertThat(schema().hasTable("t3")).isFalse();
		assertThat(schema().hasTable("t2")).isTrue();
		assertThat(column("operation")).containsExactly("UP", "UP", "UP", "DOWN");
		assertThat(state("3")).isEqualTo(MigrationState.REVERTED);
		assertThat(migrate(ONE, TWO, THREE).applied()).extracting(ExecutedMigration::version).containsExactly("3");
		assertThat(schema().hasTable("t3")).isTrue();
	}

	@Test
	void revertsEverythingNewerThanATargetNewestFirst() {
		migrate(ONE, TWO, THREE);
		RevertResult result = stepwise(ONE, TWO, THREE).build().revertTo("1");
		assertThat(result.reverted()).extracting(ExecutedMigration::version).containsExactly("3", "2");
		assertThat(result.currentVersion()).isEqualTo("1");
		assertThat(schema().hasTable("t2")).isFalse();
		assertThat(schema().hasTable("t1")).isTrue();
	}

	@Test
	void revertWithNothingAppliedRevertsNothing() {
		assertThat(stepwise(ONE).build().revert(1).reverted()).isEmpty();
	}

	@Test
	void refusesToRevertAcrossAnIrreversibleMigrationBeforeAnythingRuns() {
		Migration irreversible = TestMigration.sql("2", "CREATE TABLE t2 (id INT PRIMARY KEY)");
		migrate(ONE, irreversible, THREE);
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> stepwise(ONE, irreversible, THREE).build().revert(2))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.IRREVERSIBLE_MIGRATION))
			.withMessageContaining("Cannot revert migration 2 (Migration 2, " + TestMigration.class.getName() + ")")
			.withMessageContaining("Nothing was reverted");
		assertThat(schema().hasTable("t3")).isTrue();
		assertThat(column("operation")).containsOnly("UP");
	}

	@Test
	void refusesToRevertAMigrationThatHasNoBean() {
		migrate(ONE, TWO);
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> stepwise(ONE).build().revert(1))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.MISSING_MIGRATION))
			.withMessageContaining("Cannot revert migration 2")
			.withMessageContaining("no Migration bean");
		assertThat(schema().hasTable("t2")).isTrue();
	}

	@Test
	void failedRevertIsReportedAndRecorded() {
		Migration brokenDown = new TestMigration.Reversible("1",
				(context) -> context.jdbc().execute("CREATE TABLE t1 (id INT PRIMARY KEY)"),
				(context) -> context.jdbc().execute("DROP TABLE no_such_table"), true);
		migrate(brokenDown);
		assertThat(catchFailure(() -> stepwise(brokenDown).build().revert(1)).getMessage())
			.contains("Migration 1 (Migration 1, " + TestMigration.Reversible.class.getName() + ") (reverting) failed")
			.containsIgnoringCase("no_such_table");
		assertThat(schema().hasTable("t1")).isTrue();
		assertThat(column("operation")).containsExactly("UP", "DOWN");
	}

	@Test
	void baselineAdoptsAnExistingDatabaseSoOlderMigrationsDoNotRun() {
		schema().jdbc().execute("CREATE TABLE t1 (id INT PRIMARY KEY)");
		schema().jdbc().execute("CREATE TABLE t2 (id INT PRIMARY KEY)");
		stepwise(ONE, TWO, THREE).build().baseline("2");
		MigrationResult result = migrate(ONE, TWO, THREE);
		assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("3");
		assertThat(column("operation")).containsExactly("BASELINE", "UP");
		assertThat(state("1")).isEqualTo(MigrationState.BASELINE);
		assertThat(state("2")).isEqualTo(MigrationState.BASELINE);
		assertThat(state("3")).isEqualTo(MigrationState.APPLIED);
	}

	@Test
	void baselineAgainAtTheSameVersionChangesNothing() {
		stepwise(ONE).build().baseline("1");
		stepwise(ONE).build().baseline("1");
		assertThat(column("operation")).containsExactly("BASELINE");
	}

	@Test
	void refusesToBaselineAHistoryThatHasEvents() {
		migrate(ONE);
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> stepwise(ONE, TWO).build().baseline("2"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.HISTORY_NOT_EMPTY))
			.withMessageContaining("already has events");
		assertThat(column("operation")).containsExactly("UP");
	}

	@Test
	void refusesToRevertBelowTheBaseline() {
		stepwise(ONE, TWO).build().baseline("1");
		migrate(ONE, TWO);
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> stepwise(ONE, TWO).build().revert(2))
			.withMessageContaining("Cannot revert below the baseline 1");
		assertThat(schema().hasTable("t2")).isTrue();
	}

	@Test
	void baselineOnMigrateAdoptsASchemaWithTablesButNoHistory() {
		schema().jdbc().execute("CREATE TABLE t1 (id INT PRIMARY KEY)");
		MigrationResult result = stepwise(ONE, TWO).baselineOnMigrate("1").build().migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("2");
		assertThat(column("operation")).containsExactly("BASELINE", "UP");
	}

	@Test
	void baselineOnMigrateLeavesAnEmptySchemaToTheMigrations() {
		MigrationResult result = stepwise(ONE, TWO).baselineOnMigrate("1").build().migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("1", "2");
	}

	@Test
	void repairClearsAFailedMigrationSoTheNextRunTriesItAgain() {
		Migration failing = TestMigration
			.sql("1", "CREATE TABLE t1 (id INT PRIMARY KEY)", "INSERT INTO no_such_table (id) VALUES (1)")
			.nonTransactional();
		catchFailure(() -> migrate(failing));
		schema().jdbc().execute("DROP TABLE t1");
		assertThat(stepwise(ONE).build().repair(null)).containsExactly("1");
		assertThat(column("operation")).containsExactly("UP", "REPAIR");
		assertThat(column("outcome")).containsExactly("FAILED", "NOT_APPLIED");
		assertThat(migrate(ONE).applied()).extracting(ExecutedMigration::version).containsExactly("1");
	}

	@Test
	void repairAsAppliedCountsTheFinishedMigrationAsApplied() {
		Migration failing = TestMigration
			.sql("1", "CREATE TABLE t1 (id INT PRIMARY KEY)", "INSERT INTO no_such_table (id) VALUES (1)")
			.nonTransactional();
		catchFailure(() -> migrate(failing));
		stepwise(ONE).build().repair(RepairResolution.APPLIED);
		assertThat(state("1")).isEqualTo(MigrationState.APPLIED);
		assertThat(migrate(ONE, TWO).applied()).extracting(ExecutedMigration::version).containsExactly("2");
	}

	@Test
	void refusesToRepairWhenNothingFailed() {
		migrate(ONE);
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> stepwise(ONE).build().repair(null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.NOTHING_TO_REPAIR));
	}

	@Test
	void statusReportsAppliedPendingOutOfOrderAndMissingVersions() {
		migrate(ONE, THREE, TestMigration.createTable("5", "t5"));
		MigrationStatus status = stepwise(ONE, TWO, THREE, TestMigration.createTable("4", "t4")).build().status();
		assertThat(status.migrations()).extracting(MigrationInfo::version, MigrationInfo::state)
			.containsExactly(tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.OUT_OF_ORDER),
					tuple("3", MigrationState.APPLIED), tuple("4", MigrationState.OUT_OF_ORDER),
					tuple("5", MigrationState.MISSING));
		assertThat(status.currentVersion()).isEqualTo("5");
		assertThat(status.appliedCount()).isEqualTo(2);
		assertThat(status.pendingCount()).isEqualTo(2);
		assertThat(status.isUpToDate()).isFalse();
		MigrationInfo first = status.migrations().get(0);
		assertThat(first.reversible()).isTrue();
		assertThat(first.transactional()).isTrue();
		assertThat(first.installedOn()).isNotNull();
		assertThat(first.executionTimeMs()).isNotNull();
	}

	@Test
	void statusReportsWhenAMigrationWasAppliedWhateverTheSessionTimeZone() {
		String east = ZoneOffset
			.ofTotalSeconds(Math.min(
					ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds() + 5 * 3600, 14 * 3600))
			.getId();
		List<String> sessionTimeZone = switch (database().kind()) {
			case POSTGRESQL -> List.of("SET TIME ZONE INTERVAL '" + east + "' HOUR TO MINUTE");
			case MARIADB, MYSQL -> List.of("SET time_zone = '" + east + "'");
			case H2 -> List.of("SET TIME ZONE '" + east + "'");
			case OTHER -> List.of(); // SQLite has no session time zone
		};
		Instant before = Instant.now().minusSeconds(5);
		stepwise(ONE).initSql(sessionTimeZone).build().migrate();
		Instant after = Instant.now().plusSeconds(5);
		assertThat(stepwise(ONE).build().status().migrations().get(0).installedOn()).isBetween(before, after);
	}

	@Test
	void statusOfANewDatabaseShowsEverythingPendingWithoutCreatingTheHistory() {
		MigrationStatus status = stepwise(ONE, TWO).build().status();
		assertThat(status.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.PENDING, MigrationState.PENDING);
		assertThat(status.currentVersion()).isNull();
		assertThat(schema().hasTable("stepwise_history")).isFalse();
	}

	@Test
	void statusShowsAFailedMigration() {
		catchFailure(
				() -> migrate(TestMigration.sql("1", "INSERT INTO no_such_table (id) VALUES (1)").nonTransactional()));
		MigrationStatus status = stepwise(ONE).build().status();
		assertThat(status.migrations()).extracting(MigrationInfo::state).containsExactly(MigrationState.FAILED);
		assertThat(status.failedCount()).isOne();
	}

	private MigrationState state(String version) {
		Map<String, MigrationState> states = new java.util.HashMap<>();
		List<MigrationInfo> migrations = stepwise(ONE, TWO, THREE).ignoreMissing(true).build().status().migrations();
		migrations.forEach((info) -> states.put(info.version(), info.state()));
		return states.get(version);
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
