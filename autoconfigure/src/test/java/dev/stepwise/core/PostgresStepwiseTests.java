package dev.stepwise.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationFailedException;
import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The engine's behaviour on PostgreSQL.
 */
class PostgresStepwiseTests extends AbstractStepwiseTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

	/**
	 * A deferred constraint fails at the commit, after the migration's history row took
	 * its rank: the rolled-back entry takes that rank, not the one after it.
	 */
	@Test
	void migrationThatFailsAtItsCommitIsRecordedWithTheRankItsTransactionLost() {
		migrate(TestMigration.createTable("1", "t1"));
		Migration deferred = TestMigration.sql("2",
				"CREATE TABLE t2 (id INT PRIMARY KEY, t1_id INT REFERENCES t1 (id) DEFERRABLE INITIALLY DEFERRED)",
				"INSERT INTO t2 (id, t1_id) VALUES (1, 42)");
		MigrationFailedException failure = catchFailure(
				() -> migrate(TestMigration.createTable("1", "t1"), deferred, TestMigration.createTable("3", "t3")));
		assertThat(failure.version()).isEqualTo("2");
		assertThat(failure.databaseUnchanged()).isTrue();
		assertThat(failure.getMessage()).contains("foreign key");
		assertThat(schema().hasTable("t2")).isFalse();
		assertThat(column("installed_rank")).containsExactly("1", "2");
		assertThat(column("outcome")).containsExactly("SUCCESS", "ROLLED_BACK");
	}

	/**
	 * CREATE INDEX CONCURRENTLY waits for every open transaction in the database. The
	 * lock holder and the instances waiting for the lock must hold none, or it never
	 * finishes (the deadline only guards against that hang; it is not a speed claim).
	 */
	@Test
	void createIndexConcurrentlyFinishesWhileAnotherInstanceWaitsForTheLock() throws Exception {
		migrate(TestMigration.createTable("1", "t1"));
		CountDownLatch waiterStarted = new CountDownLatch(1);
		TestMigration concurrently = TestMigration.of("2", (context) -> {
			assertThat(waiterStarted.await(30, TimeUnit.SECONDS)).isTrue();
			Thread.sleep(300);
			context.jdbc().execute("CREATE INDEX CONCURRENTLY t1_id ON t1 (id)");
		}).nonTransactional();
		assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
			CompletableFuture<MigrationResult> holder = CompletableFuture
				.supplyAsync(() -> migrate(TestMigration.createTable("1", "t1"), concurrently));
			CompletableFuture<MigrationResult> waiter = CompletableFuture.supplyAsync(() -> {
				waiterStarted.countDown();
				return stepwise(TestMigration.createTable("1", "t1"), concurrently).lockTimeout(Duration.ofSeconds(50))
					.build()
					.migrate();
			});
			assertThat(List.of(holder.get().applied().size(), waiter.get().applied().size()))
				.containsExactlyInAnyOrder(1, 0);
		});
		assertThat(column("outcome")).containsExactly("SUCCESS", "SUCCESS");
	}

}
