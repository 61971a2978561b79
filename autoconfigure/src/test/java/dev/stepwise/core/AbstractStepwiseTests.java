package dev.stepwise.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.api.DatabaseKind;
import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.api.MigrationFailedException;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import dev.stepwise.testsupport.IsolatedSchema;
import dev.stepwise.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.ConnectionCallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine's behaviour, which every database must show. Each database runs these in a
 * subclass of its own; each test works in a fresh schema.
 */
abstract class AbstractStepwiseTests extends EngineTestSupport {

	/**
	 * A pool of the application's own, on the test's schema.
	 */
	private HikariDataSource anotherPool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(schema().dataSource().getJdbcUrl());
		pool.setUsername(schema().dataSource().getUsername());
		pool.setPassword(schema().dataSource().getPassword());
		return pool;
	}

	@Test
	void migratesThroughAPoolOfOneConnection() {
		try (HikariDataSource pool = anotherPool()) {
			pool.setMaximumPoolSize(1);
			pool.setConnectionTimeout(2000);
			Migration[] migrations = { TestMigration.createTable("1", "t1"),
					TestMigration.createTable("2", "t2").nonTransactional() };
			assertThat(Stepwise.builder().dataSource(pool).migrations(migrations).build().migrate().applied())
				.hasSize(2);
			Stepwise.builder().dataSource(pool).migrations(migrations).build().revert(1);
			assertThat(schema().hasTable("t1")).isTrue();
			assertThat(schema().hasTable("t2")).isFalse();
			assertThat(column("operation")).containsExactly("UP", "UP", "DOWN");
		}
	}

	@Test
	void migratesThroughAPoolWhoseConnectionsDoNotAutoCommit() {
		try (HikariDataSource pool = anotherPool()) {
			pool.setAutoCommit(false);
			Migration[] migrations = { TestMigration.createTable("1", "t1"),
					TestMigration.sql("2", "INSERT INTO t1 (id) VALUES (2)").nonTransactional() };
			Stepwise.builder().dataSource(pool).migrations(migrations).build().migrate();
			assertThat(schema().jdbc().queryForList("SELECT id FROM t1", Integer.class)).containsExactly(2);
			assertThat(column("outcome")).containsOnly("SUCCESS");
			assertThat(Stepwise.builder().dataSource(pool).migrations(migrations).build().migrate().applied())
				.isEmpty();
		}
	}

	@Test
	void appliesMigrationsInNumericVersionOrderAndRecordsEachOne() {
		MigrationResult result = migrate(TestMigration.createTable("1.10", "t110"),
				TestMigration.createTable("2", "t2"), TestMigration.createTable("1.9", "t19"),
				TestMigration.createTable("1", "t1"));
		assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("1", "1.9", "1.10", "2");
		assertThat(result.currentVersion()).isEqualTo("2");
		assertThat(result.database()).isEqualTo(database().kind());
		assertThat(column("version")).containsExactly("1", "1.9", "1.10", "2");
		assertThat(column("operation")).containsOnly("UP");
		assertThat(column("outcome")).containsOnly("SUCCESS");
		assertThat(schema().hasTable("t1")).isTrue();
		assertThat(schema().hasTable("t110")).isTrue();
		Map<String, Object> first = schema().history().get(0);
		assertThat(first.get("description")).isEqualTo("Migration 1");
		assertThat(first.get("class_name")).isEqualTo(TestMigration.Reversible.class.getName());
		assertThat(String.valueOf(first.get("installed_by"))).isNotBlank();
		assertThat(first.get("installed_on")).isNotNull();
		assertThat(first.get("transactional")).isIn(true, 1, (byte) 1);
	}

	@Test
	void secondRunWithNothingPendingAppliesNothing() {
		Migration[] migrations = { TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2") };
		migrate(migrations);
		MigrationResult second = migrate(migrations);
		assertThat(second.applied()).isEmpty();
		assertThat(second.currentVersion()).isEqualTo("2");
		assertThat(schema().history()).hasSize(2);
	}

	@Test
	void confirmsAHistoryOfTheFirstMigrationsFromOneSummaryRow() {
		Migration[] migrations = { TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"),
				TestMigration.createTable("10", "t10") };
		migrate(migrations);
		HistorySummary summary = summary();
		assertThat(summary).isEqualTo(new HistorySummary(3, 3, 3, "1,2,10"));
		assertThat(summary.appliedPrefix(MigrationResolver.resolve(List.of(migrations)))).isEqualTo(3);
		MigrationResult next = migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"),
				TestMigration.createTable("10", "t10"), TestMigration.createTable("11", "t11"));
		assertThat(next.applied()).extracting(ExecutedMigration::version).containsExactly("11");
		assertThat(column("installed_rank")).containsExactly("1", "2", "3", "4");
	}

	@Test
	void appendsEachEventWithTheRankAfterTheNewestItReadUnderTheLock() {
		migrate(TestMigration.createTable("1", "t1"));
		ObservedDataSource dataSource = new ObservedDataSource(schema().dataSource());
		MigrationResult result = stepwise(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"),
				TestMigration.createTable("3", "t3"))
			.dataSource(dataSource)
			.build()
			.migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("2", "3");
		assertThat(dataSource.statements())
			.filteredOn((sql) -> sql.startsWith("INSERT INTO") && sql.contains("installed_rank"))
			.hasSize(2)
			.allMatch((sql) -> sql.contains(" VALUES (?, "));
		assertThat(dataSource.statements()).noneMatch((sql) -> sql.startsWith("SELECT MAX(installed_rank)"));
		assertThat(column("installed_rank")).containsExactly("1", "2", "3");
	}

	@Test
	void runWithNothingToDoHoldsOneConnectionAtATime() {
		migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"));
		ObservedDataSource dataSource = new ObservedDataSource(schema().dataSource());
		MigrationResult result = stepwise(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"))
			.dataSource(dataSource)
			.build()
			.migrate();
		assertThat(result.applied()).isEmpty();
		assertThat(dataSource.peak()).as("connections open at once").isOne();
		// confirmed without the lock, on the connection the database was inspected on
		assertThat(dataSource.opened()).as("connections opened").isOne();
	}

	@Test
	void firstRunReadsNothingBackFromTheHistoryTableItCreates() {
		ObservedDataSource dataSource = new ObservedDataSource(schema().dataSource());
		MigrationResult result = stepwise(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"))
			.dataSource(dataSource)
			.build()
			.migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("1", "2");
		Pattern fromHistory = Pattern.compile("\\bFROM\\s+[\"`]?" + Stepwise.DEFAULT_TABLE + "\\b",
				Pattern.CASE_INSENSITIVE);
		assertThat(dataSource.statements()).filteredOn((sql) -> sql.startsWith("SELECT"))
			.noneMatch((sql) -> fromHistory.matcher(sql).find());
		assertThat(column("installed_rank")).containsExactly("1", "2");
	}

	@Test
	void statusReadsTheHistoryOnOneConnection() {
		migrate(TestMigration.createTable("1", "t1"));
		ObservedDataSource dataSource = new ObservedDataSource(schema().dataSource());
		MigrationStatus status = stepwise(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"))
			.dataSource(dataSource)
			.build()
			.status();
		assertThat(status.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
		assertThat(dataSource.opened()).as("connections opened").isOne();
	}

	/**
	 * Version 1 written as {@code 1} again is confirmed from the history's summary;
	 * written as {@code 1.0}, it is the same version found by reading the history event
	 * by event.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "1", "1.0" })
	void laterRunAppliesOnlyTheNewMigrations(String firstVersionNow) {
		migrate(TestMigration.createTable("1", "t1"));
		MigrationResult second = migrate(TestMigration.createTable(firstVersionNow, "t1"),
				TestMigration.createTable("2", "t2"));
		assertThat(second.applied()).extracting(ExecutedMigration::version).containsExactly("2");
		assertThat(column("version")).containsExactly("1", "2");
	}

	@Test
	void derivesVersionAndDescriptionFromTheClassName() {
		migrate(new V20261122_01__Add_keywords());
		Map<String, Object> row = schema().history().get(0);
		assertThat(row.get("version")).isEqualTo("20261122.01");
		assertThat(row.get("description")).isEqualTo("Add keywords");
		assertThat(row.get("class_name")).isEqualTo(V20261122_01__Add_keywords.class.getName());
	}

	@Test
	void refusesTwoMigrationsWithTheSameVersionNamingBoth() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> migrate(TestMigration.createTable("1.0", "t1"), new V1__Create_table()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.DUPLICATE_VERSION))
			.withMessageContaining(TestMigration.Reversible.class.getName())
			.withMessageContaining(V1__Create_table.class.getName());
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"),
					TestMigration.createTable("1.0", "t10")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.DUPLICATE_VERSION))
			.withMessageContaining("Two migrations have version 1.0");
		assertThat(schema().hasTable("stepwise_history")).isFalse();
	}

	@Test
	void refusesAnUnparsableVersion() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> migrate(TestMigration.createTable("1.a", "t1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.INVALID_MIGRATION))
			.withMessageContaining("1.a")
			.withMessageContaining(TestMigration.Reversible.class.getName());
	}

	@Test
	void refusesADescriptionThatWouldBreakLogs() {
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> migrate(new V2__Multiline()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.INVALID_MIGRATION))
			.withMessageContaining(V2__Multiline.class.getName())
			.withMessageContaining("control characters");
	}

	@Test
	void refusesAClassNameWithoutTheConvention() {
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> migrate(new CreateTableWithoutVersion()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.INVALID_MIGRATION))
			.withMessageContaining(CreateTableWithoutVersion.class.getName())
			.withMessageContaining("V<version>__<Description>");
	}

	@Test
	void explainsAHistoryTableItCannotReadAndRunsNothing() {
		migrate(TestMigration.createTable("1", "t1"));
		schema().jdbc().execute("ALTER TABLE stepwise_history DROP COLUMN outcome");
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.DATABASE_ERROR))
			.withMessageStartingWith("Stepwise could not read history table ")
			.withMessageContaining(database().kind().displayName())
			.withMessageEndingWith(". No migration was run.");
		assertThat(schema().hasTable("t2")).isFalse();
	}

	@Test
	void failedTransactionalMigrationIsRolledBackOrRecordedAsFailed() {
		migrate(TestMigration.createTable("1", "t1"));
		Migration failing = TestMigration.sql("2", "CREATE TABLE t2 (id INT PRIMARY KEY)",
				"INSERT INTO t1 (id) VALUES (1)", "INSERT INTO no_such_table (id) VALUES (1)");
		MigrationFailedException failure = catchFailure(() -> migrate(TestMigration.createTable("1", "t1"), failing));
		assertThat(failure.getMessage()).contains("Migration 2 (Migration 2, " + TestMigration.class.getName() + ")")
			.contains(database().kind().displayName())
			.containsIgnoringCase("no_such_table");
		assertThat(failure.version()).isEqualTo("2");
		assertThat(schema().jdbc().queryForObject("SELECT COUNT(*) FROM t1", Integer.class)).isZero();
		if (database().kind().hasTransactionalDdl()) {
			assertThat(failure.databaseUnchanged()).isTrue();
			assertThat(failure.getMessage()).contains("rolled back").contains("unchanged");
			assertThat(schema().hasTable("t2")).isFalse();
			assertThat(column("outcome")).containsExactly("SUCCESS", "ROLLED_BACK");
			MigrationResult retry = migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"));
			assertThat(retry.applied()).extracting(ExecutedMigration::version).containsExactly("2");
		}
		else {
			assertThat(failure.databaseUnchanged()).isFalse();
			if (database().kind() == DatabaseKind.OTHER) {
				// not known either way: the engine assumes the worst
				assertThat(failure.getMessage()).contains("may commit implicitly").contains("FAILED");
			}
			else {
				assertThat(failure.getMessage()).contains("commits DDL statements implicitly").contains("FAILED");
				assertThat(schema().hasTable("t2")).isTrue();
			}
			assertThat(column("outcome")).containsExactly("SUCCESS", "FAILED");
			assertRefusedAsFailed(
					() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t3")));
		}
	}

	@Test
	void failedMigrationThatCommittedNothingIsRolledBackWhereverDdlIsKnown() {
		migrate(TestMigration.createTable("1", "t1"));
		Migration failing = TestMigration.sql("2", "INSERT INTO t1 (id) VALUES (1)",
				"INSERT INTO no_such_table (id) VALUES (1)", "CREATE TABLE t2 (id INT PRIMARY KEY)");
		MigrationFailedException failure = catchFailure(() -> migrate(TestMigration.createTable("1", "t1"), failing));
		assertThat(schema().jdbc().queryForObject("SELECT COUNT(*) FROM t1", Integer.class)).isZero();
		if (database().kind() == DatabaseKind.OTHER) {
			// not known whether DDL commits implicitly: the engine assumes the worst
			assertThat(failure.databaseUnchanged()).isFalse();
			assertThat(column("outcome")).containsExactly("SUCCESS", "FAILED");
		}
		else {
			assertThat(failure.databaseUnchanged()).isTrue();
			assertThat(failure.getMessage()).contains("rolled back").contains("unchanged");
			assertThat(column("outcome")).containsExactly("SUCCESS", "ROLLED_BACK");
			MigrationResult retry = migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"));
			assertThat(retry.applied()).extracting(ExecutedMigration::version).containsExactly("2");
		}
	}

	@Test
	void failureOfATransactionalMigrationThatCannotBeRecordedSaysWhatMayBeLeft() {
		migrate(TestMigration.createTable("1", "t1"));
		TestMigration vandal = TestMigration.of("2", (context) -> {
			context.jdbc().execute("ALTER TABLE stepwise_history RENAME TO history_elsewhere");
			throw new IllegalStateException("Boom");
		});
		MigrationFailedException failure = catchFailure(() -> migrate(TestMigration.createTable("1", "t1"), vandal));
		assertThat(failure.getMessage()).contains("Boom");
		if (database().kind().commitsDdlImplicitly()) {
			assertThat(failure.databaseUnchanged()).isFalse();
			assertThat(failure.getMessage()).contains("failed too")
				.contains("if any of it was committed, it stays marked RUNNING (installed_rank 2)");
		}
		else {
			// the rename was rolled back with the rest of the migration
			assertThat(failure.getMessage()).doesNotContain("failed too");
		}
	}

	@Test
	void failedNonTransactionalMigrationIsRecordedAsFailedAndBlocksTheNextRun() {
		Migration failing = TestMigration
			.sql("1", "CREATE TABLE t1 (id INT PRIMARY KEY)", "INSERT INTO no_such_table (id) VALUES (1)")
			.nonTransactional();
		MigrationFailedException failure = catchFailure(() -> migrate(failing));
		assertThat(failure.databaseUnchanged()).isFalse();
		assertThat(failure.getMessage()).contains("without a transaction").contains("FAILED");
		assertThat(schema().hasTable("t1")).isTrue();
		assertThat(column("outcome")).containsExactly("FAILED");
		assertThat(String.valueOf(schema().history().get(0).get("detail"))).containsIgnoringCase("no_such_table");
		assertRefusedAsFailed(() -> migrate(TestMigration.createTable("1", "t1")));
	}

	@Test
	void nonTransactionalMigrationThatFailsInItsOwnTransactionHasItRolledBackAndIsRecordedAsFailed() {
		migrate(TestMigration.createTable("1", "t1"));
		Migration failing = TestMigration.of("2", (context) -> {
			context.connection().setAutoCommit(false);
			context.jdbc().update("INSERT INTO t1 (id) VALUES (1)");
			throw new IllegalStateException("The backfill service is unavailable");
		}).nonTransactional();
		MigrationFailedException failure = catchFailure(() -> migrate(TestMigration.createTable("1", "t1"), failing));
		assertThat(failure.getMessage()).contains("without a transaction").contains("recorded as FAILED");
		assertThat(schema().jdbc().queryForObject("SELECT COUNT(*) FROM t1", Integer.class)).isZero();
		assertThat(column("outcome")).containsExactly("SUCCESS", "FAILED");
	}

	@Test
	void failureThatCannotBeRecordedSaysSoInsteadOfClaimingItWas() {
		migrate(TestMigration.createTable("1", "t1"));
		TestMigration vandal = TestMigration.of("2", (context) -> {
			context.jdbc().execute("ALTER TABLE stepwise_history RENAME TO history_elsewhere");
			throw new IllegalStateException("Boom");
		}).nonTransactional();
		MigrationFailedException failure = catchFailure(() -> migrate(TestMigration.createTable("1", "t1"), vandal));
		assertThat(failure.getMessage()).contains("Boom")
			.contains("Recording the failure in")
			.contains("failed too")
			.contains("stays marked RUNNING (installed_rank 2)")
			.doesNotContain("It is recorded as FAILED");
		assertThat(failure.getSuppressed()).isNotEmpty();
	}

	@Test
	void historyRanksFollowOneAnotherWhateverTheMixOfSteps() {
		Migration[] migrations = { TestMigration.createTable("1", "t1"),
				TestMigration.createTable("2", "t2").nonTransactional(), TestMigration.createTable("3", "t3"),
				TestMigration.createTable("4", "t4").nonTransactional() };
		migrate(migrations);
		stepwise(migrations).build().revert(2);
		migrate(migrations);
		assertThat(column("installed_rank")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
		assertThat(column("version")).containsExactly("1", "2", "3", "4", "4", "3", "3", "4");
		assertThat(column("outcome")).containsOnly("SUCCESS");
	}

	@Test
	void nonTransactionalMigrationRunsWithAutoCommitAndIsRecorded() {
		AtomicBoolean autoCommit = new AtomicBoolean();
		migrate(TestMigration.of("1", (context) -> {
			autoCommit.set(context.connection().getAutoCommit());
			context.jdbc().execute("CREATE TABLE t1 (id INT PRIMARY KEY)");
		}).nonTransactional());
		assertThat(autoCommit).isTrue();
		assertThat(column("outcome")).containsExactly("SUCCESS");
		assertThat(schema().history().get(0).get("transactional")).isIn(false, 0, (byte) 0);
	}

	@Test
	void contextOffersTheDatabaseKindSchemaAndTemplatesOnTheMigrationsTransaction() {
		AtomicReference<DatabaseKind> kind = new AtomicReference<>();
		AtomicReference<String> schemaName = new AtomicReference<>();
		migrate(TestMigration.createTable("1", "t1"), TestMigration.of("2", (context) -> {
			kind.set(context.database());
			schemaName.set(context.schema());
			context.namedJdbc().update("INSERT INTO t1 (id) VALUES (:id)", Map.of("id", 7));
			assertThat(context.connection().getAutoCommit()).isFalse();
			assertThat(context.jdbc().queryForObject("SELECT COUNT(*) FROM t1", Integer.class)).isOne();
			context.progress(1, 1);
		}));
		assertThat(kind.get()).isEqualTo(database().kind());
		assertThat(schemaName.get()).isEqualToIgnoringCase(expectedCurrentSchema());
		assertThat(schema().jdbc().queryForObject("SELECT id FROM t1", Integer.class)).isEqualTo(7);
	}

	@Test
	void listenersHearEachStepInOrderAndAreLookedUpOnlyWhenAStepRuns() {
		List<String> heard = new ArrayList<>();
		AtomicInteger lookUps = new AtomicInteger();
		Supplier<List<MigrationListener>> lookUp = () -> {
			lookUps.incrementAndGet();
			return List.of(new MigrationListener() {

				@Override
				public void started(MigrationExecution execution) {
					throw new IllegalStateException("The metrics backend is down");
				}

			}, new RecordingListener("looked up", heard));
		};
		Migration first = TestMigration.createTable("1", "t1");
		stepwise(first).listener(new RecordingListener("added", heard)).listeners(lookUp).build().migrate();
		assertThat(lookUps).hasValue(1);
		assertThat(heard).containsExactly("added started 1", "looked up started 1", "added finished 1",
				"looked up finished 1");
		assertThat(column("outcome")).containsExactly("SUCCESS");
		heard.clear();
		stepwise(first).listener(new RecordingListener("added", heard)).listeners(lookUp).build().migrate();
		assertThat(lookUps).hasValue(1);
		assertThat(heard).isEmpty();
	}

	@Test
	void aListenerLookUpThatFailsStopsTheRunBeforeItsFirstStepWritesAnything() {
		Stepwise engine = stepwise(TestMigration.createTable("1", "t1")).listeners(() -> {
			throw new IllegalStateException("Listener bean 'auditListener' could not be created");
		}).build();
		assertThatException().isThrownBy(engine::migrate)
			.withMessage("Listener bean 'auditListener' could not be created");
		assertThat(engine.running()).isEmpty();
		assertThat(schema().history()).isEmpty();
	}

	@Test
	void failureInJavaCodeRollsBackWhatTheMigrationWrote() {
		migrate(TestMigration.createTable("1", "t1"));
		MigrationFailedException failure = catchFailure(
				() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.of("2", (context) -> {
					context.jdbc().update("INSERT INTO t1 (id) VALUES (1)");
					throw new IllegalStateException("The backfill service is unavailable");
				})));
		assertThat(failure.getMessage()).contains("The backfill service is unavailable");
		assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
		assertThat(schema().jdbc().queryForObject("SELECT COUNT(*) FROM t1", Integer.class)).isZero();
	}

	@Test
	void errorInJavaCodeRollsBackWhatTheMigrationWroteAndPassesThrough() {
		migrate(TestMigration.createTable("1", "t1"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.of("2", (context) -> {
				context.jdbc().update("INSERT INTO t1 (id) VALUES (1)");
				throw new AssertionError("A bug in the migration");
			})))
			.withMessage("A bug in the migration");
		assertThat(schema().jdbc().queryForObject("SELECT COUNT(*) FROM t1", Integer.class)).isZero();
		if (database().kind() != DatabaseKind.OTHER) {
			// nothing of it was committed, and the run let go of its connection and lock
			MigrationResult retry = migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"));
			assertThat(retry.applied()).extracting(ExecutedMigration::version).containsExactly("2");
		}
	}

	@Test
	void migrationThatCommitsTheTransactionItselfIsStoppedAndToldWhy() {
		migrate(TestMigration.createTable("1", "t1"));
		MigrationFailedException failure = catchFailure(
				() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.of("2", (context) -> {
					context.jdbc().update("INSERT INTO t1 (id) VALUES (1)");
					context.connection().commit();
				})));
		assertThat(failure.getMessage()).contains("called Connection.commit()")
			.contains("Stepwise owns the transaction");
		assertThat(schema().jdbc().queryForObject("SELECT COUNT(*) FROM t1", Integer.class)).isZero();
	}

	@Test
	void migrationThatCommitsInAJdbcTemplateCallbackIsStoppedToo() {
		migrate(TestMigration.createTable("1", "t1"));
		MigrationFailedException failure = catchFailure(
				() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.of("2", (context) -> {
					context.jdbc().update("INSERT INTO t1 (id) VALUES (1)");
					context.jdbc().execute((ConnectionCallback<Void>) (connection) -> {
						connection.commit();
						return null;
					});
				})));
		assertThat(failure.getMessage()).contains("called Connection.commit()");
		assertThat(schema().jdbc().queryForObject("SELECT COUNT(*) FROM t1", Integer.class)).isZero();
	}

	@Test
	void migrationThatClosesTheConnectionIsStoppedAndToldWhy() {
		MigrationFailedException failure = catchFailure(
				() -> migrate(TestMigration.of("1", (context) -> context.connection().close()).nonTransactional()));
		assertThat(failure.getMessage()).contains("called Connection.close()");
	}

	@Test
	void transactionalMigrationWorksOnItsConnectionWithPlainJdbcAndSavepoints() {
		migrate(TestMigration.createTable("1", "t1"));
		migrate(TestMigration.createTable("1", "t1"), TestMigration.of("2", (context) -> {
			Connection connection = context.connection();
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t1 (id) VALUES (?)")) {
				insert.setInt(1, 1);
				insert.executeUpdate();
				Savepoint beforeSecond = connection.setSavepoint();
				insert.setInt(1, 2);
				insert.executeUpdate();
				connection.rollback(beforeSecond);
			}
		}));
		assertThat(schema().jdbc().queryForList("SELECT id FROM t1", Integer.class)).containsExactly(1);
		assertThat(schema().history()).extracting((row) -> row.get("outcome")).containsOnly("SUCCESS");
	}

	@Test
	void nonTransactionalMigrationMayManageItsOwnTransactions() {
		migrate(TestMigration.createTable("1", "t1"));
		migrate(TestMigration.createTable("1", "t1"), TestMigration.of("2", (context) -> {
			context.connection().setAutoCommit(false);
			context.jdbc().update("INSERT INTO t1 (id) VALUES (1)");
			context.connection().commit();
			context.jdbc().update("INSERT INTO t1 (id) VALUES (2)");
			context.connection().rollback();
			context.connection().setAutoCommit(true);
		}).nonTransactional());
		assertThat(schema().jdbc().queryForList("SELECT id FROM t1", Integer.class)).containsExactly(1);
	}

	@Test
	void appliesMigrationsUpToTheTargetOnly() {
		MigrationResult result = stepwise(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"),
				TestMigration.createTable("3", "t3"))
			.target("2")
			.build()
			.migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("1", "2");
		assertThat(schema().hasTable("t3")).isFalse();
	}

	@Test
	void refusesATargetThatNamesNoMigration() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> stepwise(TestMigration.createTable("1", "t1")).target("7").build().migrate())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.UNKNOWN_TARGET))
			.withMessageContaining("7")
			.withMessageContaining("known versions: 1");
		assertThat(schema().hasTable("t1")).isFalse();
	}

	@Test
	void refusesAPendingMigrationOlderThanTheNewestApplied() {
		migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("3", "t3"));
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"),
					TestMigration.createTable("3", "t3")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.OUT_OF_ORDER_MIGRATION))
			.withMessageContaining("Migration 2")
			.withMessageContaining("stepwise.out-of-order");
		assertThat(schema().hasTable("t2")).isFalse();
	}

	@Test
	void appliesAnOutOfOrderMigrationWhenAllowed() {
		migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("3", "t3"));
		MigrationResult result = stepwise(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"),
				TestMigration.createTable("3", "t3"))
			.outOfOrder(true)
			.build()
			.migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("2");
		assertThat(result.currentVersion()).isEqualTo("3");
		MigrationResult again = migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"),
				TestMigration.createTable("3", "t3"));
		assertThat(again.applied()).isEmpty();
		assertThat(again.currentVersion()).isEqualTo("3");
	}

	@Test
	void refusesAnExecutedMigrationWithNoBean() {
		migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"));
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("3", "t3")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.MISSING_MIGRATION))
			.withMessageContaining("2 (Migration 2, " + TestMigration.class.getName())
			.withMessageContaining("stepwise.ignore-missing");
		assertThat(schema().hasTable("t3")).isFalse();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void ignoresAnExecutedMigrationWithNoBeanWhenAllowed(CapturedOutput output) {
		migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"));
		MigrationResult result = stepwise(TestMigration.createTable("1", "t1"), TestMigration.createTable("3", "t3"))
			.ignoreMissing(true)
			.build()
			.migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("3");
		assertThat(output).contains("ignored as configured: 2 (Migration 2, " + TestMigration.class.getName());
	}

	@Test
	void keepsTheHistoryInTheConfiguredTableAndSchema() {
		String otherSchema = schema().name() + "_h";
		try {
			MigrationResult result = stepwise(TestMigration.createTable("1", "t1")).table("audit_history")
				.schema(otherSchema)
				.createSchema(true)
				.build()
				.migrate();
			assertThat(result.schema()).isEqualTo(otherSchema);
			assertThat(schema().jdbc()
				.queryForObject("SELECT COUNT(*) FROM " + otherSchema + ".audit_history WHERE outcome = 'SUCCESS'",
						Integer.class))
				.isOne();
			assertThat(schema().hasTable("t1")).isTrue();
			assertThat(schema().hasTable("stepwise_history")).isFalse();
		}
		finally {
			schema().jdbc()
				.execute("DROP SCHEMA IF EXISTS " + otherSchema
						+ ((database() == TestDatabase.MARIADB) ? "" : " CASCADE"));
		}
	}

	@Test
	void refusesASchemaThatDoesNotExistUnlessAllowedToCreateIt() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> stepwise(TestMigration.createTable("1", "t1")).schema("no_such_schema").build().migrate())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.INVALID_CONFIGURATION))
			.withMessageContaining("Schema no_such_schema does not exist")
			.withMessageContaining("stepwise.create-schema=true");
		assertThat(schema().hasTable("t1")).isFalse();
	}

	@Test
	void refusesAHistoryTableWrittenByANewerRelease() {
		Database database = Database.inspect(schema().dataSource(), null);
		database.dialect()
			.createHistory(database, "stepwise_history", "CREATE TABLE stepwise_history (installed_rank INT)",
					"stepwise history format 2")
			.forEach(schema().jdbc()::execute);
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.INCOMPATIBLE_HISTORY))
			.withMessageContaining("format 2")
			.withMessageContaining("newer Stepwise");
		assertThat(schema().hasTable("t1")).isFalse();
	}

	/**
	 * On PostgreSQL and MariaDB/MySQL one statement creates the history table and its
	 * marker, so that no crash can leave a table that every later start refuses as not
	 * Stepwise's; elsewhere DDL commits implicitly or may, statement by statement.
	 */
	@Test
	void createsTheHistoryTableAndItsMarkerTogetherWhereTheDatabaseCan() {
		Database database = Database.inspect(schema().dataSource(), null);
		List<String> statements = database.dialect()
			.createHistory(database, "half_made", "CREATE TABLE half_made (id INT)", "a marker ' that breaks");
		assertThatException().isThrownBy(() -> statements.forEach(schema().jdbc()::execute));
		boolean together = database() == TestDatabase.POSTGRESQL || database() == TestDatabase.MARIADB;
		assertThat(schema().hasTable("half_made")).isEqualTo(!together);
	}

	@Test
	void keepsTheHistoryInATableNamedLikeAReservedWord() {
		MigrationResult result = stepwise(TestMigration.createTable("1", "t1")).table("order").build().migrate();
		assertThat(result.applied()).hasSize(1);
		assertThat(schema().hasTable("order")).isTrue();
		assertThat(stepwise(TestMigration.createTable("1", "t1")).table("order").build().status().migrations())
			.extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED);
	}

	@Test
	void refusesATableOfTheSameNameThatIsNotAHistory() {
		schema().jdbc().execute("CREATE TABLE stepwise_history (id INT)");
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> migrate(TestMigration.createTable("1", "t1")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.INCOMPATIBLE_HISTORY))
			.withMessageContaining("not a Stepwise history table");
	}

	/**
	 * Without the lock, a start may see another run's history table between its creation
	 * and its marker (where DDL commits implicitly): it leaves the table to the run under
	 * the lock, which waits for that run, instead of refusing it.
	 */
	@Test
	void startWithoutTheLockLeavesAnUnmarkedTableToTheRunUnderTheLock() {
		schema().jdbc().execute("CREATE TABLE stepwise_history (id INT)");
		HistoryTable table = new HistoryTable(Database.inspect(schema().dataSource(), null), Stepwise.DEFAULT_TABLE);
		assertThat(table.readSummaryWithoutLock()).isEmpty();
	}

	@Test
	void timesOutNamingTheHolderWhileAnotherRunHoldsTheLock() {
		Database database = Database.inspect(schema().dataSource(), null);
		MigrationLock held = database.dialect().lock(database, Stepwise.DEFAULT_TABLE, Stepwise.DEFAULT_LOCK_LEASE);
		assertThat(held.tryAcquire()).isTrue();
		try {
			assertThatExceptionOfType(StepwiseException.class)
				.isThrownBy(() -> stepwise(TestMigration.createTable("1", "t1")).lockTimeout(Duration.ofMillis(300))
					.build()
					.migrate())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.LOCK_TIMEOUT))
				.withMessageContaining("held by")
				.withMessageContaining("stepwise.lock-timeout");
			assertThat(schema().hasTable("t1")).isFalse();
		}
		finally {
			held.release();
		}
		assertThat(migrate(TestMigration.createTable("1", "t1")).applied()).hasSize(1);
	}

	/**
	 * A start that the history's summary shows up to date takes no lock; whenever
	 * something is pending, the start waits.
	 */
	@Test
	void startWithNothingPendingDoesNotWaitForAnotherRunsLock() {
		Migration[] applied = { TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2") };
		migrate(applied);
		Database database = Database.inspect(schema().dataSource(), null);
		MigrationLock held = database.dialect().lock(database, Stepwise.DEFAULT_TABLE, Stepwise.DEFAULT_LOCK_LEASE);
		assertThat(held.tryAcquire()).isTrue();
		try {
			MigrationResult result = stepwise(applied).lockTimeout(Duration.ofMillis(300)).build().migrate();
			assertThat(result.applied()).isEmpty();
			assertThat(result.currentVersion()).isEqualTo("2");
			assertThatExceptionOfType(StepwiseException.class)
				.isThrownBy(() -> stepwise(applied[0], applied[1], TestMigration.createTable("3", "t3"))
					.lockTimeout(Duration.ofMillis(300))
					.build()
					.migrate())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.LOCK_TIMEOUT));
			assertThat(schema().hasTable("t3")).isFalse();
		}
		finally {
			held.release();
		}
		assertThat(schema().history()).hasSize(2);
	}

	HistorySummary summary() {
		return new HistoryTable(Database.inspect(schema().dataSource(), null), Stepwise.DEFAULT_TABLE).readSummary();
	}

	private @Nullable String expectedCurrentSchema() {
		return switch (database()) {
			case H2, H2_FILE -> "PUBLIC";
			case SQLITE -> null;
			default -> schema().name();
		};
	}

	static class V20261122_01__Add_keywords implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE product (id INT PRIMARY KEY, keywords VARCHAR(100))");
		}

	}

	static class V1__Create_table implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE t1 (id INT PRIMARY KEY)");
		}

	}

	static class V2__Multiline implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public String description() {
			return "Add keywords\nINFO Applied 99 migrations";
		}

	}

	static class CreateTableWithoutVersion implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

	}

	private record RecordingListener(String name, List<String> heard) implements MigrationListener {

		@Override
		public void started(MigrationExecution execution) {
			this.heard.add(this.name + " started " + execution.version());
		}

		@Override
		public void finished(MigrationExecution execution, Duration duration, @Nullable Throwable failure) {
			this.heard.add(this.name + " finished " + execution.version());
		}

	}

}
