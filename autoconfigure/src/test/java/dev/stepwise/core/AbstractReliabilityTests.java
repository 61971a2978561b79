package dev.stepwise.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.stepwise.api.DatabaseKind;
import dev.stepwise.api.MigrationFailedException;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Several instances and killed processes, with real JVMs and real connections: each
 * instance is a separate process, and a kill is {@code SIGKILL}.
 */
abstract class AbstractReliabilityTests extends EngineTestSupport {

	private static final int INSTANCES = 8;

	private static final int ROUNDS = 3;

	@TempDir
	Path directory;

	private final Map<Process, Path> logs = new HashMap<>();

	@Test
	void eightInstancesStartingTogetherApplyEachMigrationExactlyOnce() throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			Path go = this.directory.resolve("go-" + round);
			List<Process> instances = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				instances.add(launch("fifty", go));
			}
			Files.writeString(go, "go");
			for (Process instance : instances) {
				assertThat(instance.waitFor(3, TimeUnit.MINUTES)).as("instance finished").isTrue();
				assertThat(instance.exitValue()).as(output(instance)).isZero();
			}
			List<Map<String, Object>> counts = schema().jdbc()
				.queryForList("SELECT version, COUNT(*) AS applied FROM stepwise_history"
						+ " WHERE operation = 'UP' AND outcome = 'SUCCESS' GROUP BY version");
			assertThat(counts).hasSize(MigratorProcess.MIGRATIONS)
				.allSatisfy((row) -> assertThat(((Number) row.get("applied")).intValue()).isOne());
			assertThat(schema().history()).hasSize(MigratorProcess.MIGRATIONS);
			if (round < ROUNDS) {
				dropSchema();
				createSchema();
			}
		}
	}

	@Test
	void killedDuringATransactionalMigrationLeavesNoTraceAndTheNextStartAppliesIt() throws Exception {
		Path marker = this.directory.resolve("blocked");
		kill(launch("block-transactional", marker), marker);
		if (database().kind().hasTransactionalDdl()) {
			assertThat(schema().hasTable("t_half")).isFalse();
			assertThat(schema().history()).isEmpty();
			MigrationResult restart = migrate(TestMigration.sql("1", "CREATE TABLE t_half (id INT PRIMARY KEY)"));
			assertThat(restart.applied()).hasSize(1);
		}
		else {
			// the DDL may have committed implicitly: the RUNNING entry makes the next
			// start
			// refuse
			assertThat(column("outcome")).containsExactly("RUNNING");
			if (database().kind() != DatabaseKind.OTHER) {
				assertThat(schema().jdbc().queryForObject("SELECT COUNT(*) FROM t_half", Integer.class)).isZero();
			}
			assertThatExceptionOfType(StepwiseException.class)
				.isThrownBy(() -> migrate(TestMigration.sql("1", "CREATE TABLE t_half (id INT PRIMARY KEY)")))
				.withMessageContaining("is marked RUNNING");
		}
	}

	@Test
	void killedDuringANonTransactionalMigrationBlocksTheNextStartNamingIt() throws Exception {
		Path marker = this.directory.resolve("blocked");
		kill(launch("block-autocommit", marker), marker);
		assertThat(column("outcome")).containsExactly("RUNNING");
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> migrate(TestMigration.sql("1", "CREATE TABLE t_other (id INT PRIMARY KEY)")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.FAILED_MIGRATION_IN_HISTORY))
			.withMessageContaining("is marked RUNNING")
			.withMessageContaining("stopped before it finished")
			.withMessageContaining("repair");
		assertThat(schema().hasTable("t_other")).isFalse();
	}

	@Test
	void aKilledLockHolderLeavesNoLockBehind() throws Exception {
		Path marker = this.directory.resolve("locked");
		Process holder = launch("hold-lock", marker);
		assertLockedBy(holder, marker);
		kill(holder, marker);
		MigrationResult result = stepwise(TestMigration.createTable("1", "t1")).lockTimeout(Duration.ofSeconds(30))
			.build()
			.migrate();
		assertThat(result.applied()).hasSize(1);
	}

	@Test
	void aLockHolderInATimeZoneWestOfTheWaiterKeepsItsLock() throws Exception {
		// three hours west: a lease kept as wall-clock time would look expired here
		int westOffset = ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds() - 3 * 3600;
		String west = "GMT"
				+ ZoneOffset.ofTotalSeconds(Math.max(westOffset, -18 * 3600)).getId().replace("Z", "+00:00");
		Path marker = this.directory.resolve("locked");
		Process holder = launch("hold-lock", marker, "-Duser.timezone=" + west);
		assertLockedBy(holder, marker);
		kill(holder, marker);
	}

	/**
	 * Wait until a process holds the lock, then check that a run trying once times out.
	 */
	private void assertLockedBy(Process holder, Path marker) throws Exception {
		awaitMarker(holder, marker);
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(
					() -> stepwise(TestMigration.createTable("1", "t1")).lockTimeout(Duration.ZERO).build().migrate())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.LOCK_TIMEOUT));
	}

	@Test
	void aMigrationWhoseConnectionIsKilledFailsClearlyAndNothingClaimsSuccess() throws Exception {
		migrate(TestMigration.createTable("1", "t1"));
		AtomicLong backend = new AtomicLong();
		CountDownLatch reported = new CountDownLatch(1);
		CountDownLatch killed = new CountDownLatch(1);
		TestMigration victim = TestMigration.of("2", (context) -> {
			context.jdbc().update("INSERT INTO t1 (id) VALUES (1)");
			backend.set(context.jdbc().queryForObject(connectionIdQuery(), Long.class));
			reported.countDown();
			assertThat(killed.await(1, TimeUnit.MINUTES)).isTrue();
			context.jdbc().update("INSERT INTO t1 (id) VALUES (2)");
		});
		CompletableFuture<MigrationResult> run = CompletableFuture
			.supplyAsync(() -> migrate(TestMigration.createTable("1", "t1"), victim));
		assertThat(reported.await(1, TimeUnit.MINUTES)).isTrue();
		schema().jdbc().execute(killConnection(backend.get()));
		killed.countDown();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> run.get(1, TimeUnit.MINUTES))
			.havingCause()
			.isInstanceOf(MigrationFailedException.class)
			.withMessageContaining("Migration 2 (Migration 2");
		assertThat(schema().jdbc().queryForObject("SELECT COUNT(*) FROM t1", Integer.class)).isZero();
		assertThat(schema().jdbc()
			.queryForObject("SELECT COUNT(*) FROM stepwise_history WHERE version = '2' AND outcome = 'SUCCESS'",
					Integer.class))
			.isZero();
		if (database().kind() == DatabaseKind.OTHER) {
			// its RUNNING entry was committed before it ran
			stepwise(TestMigration.createTable("1", "t1"), victim).build().repair(RepairResolution.NOT_APPLIED);
		}
		else {
			// it committed nothing (no DDL), so its RUNNING entry, if any, went with it
			assertThat(column("version")).containsExactly("1");
		}
		MigrationResult restart = migrate(TestMigration.createTable("1", "t1"),
				TestMigration.sql("2", "INSERT INTO t1 (id) VALUES (2)"));
		assertThat(restart.applied()).extracting(ExecutedMigration::version).containsExactly("2");
	}

	/**
	 * The query that gives the id of the connection it runs on.
	 */
	String connectionIdQuery() {
		return (database().kind() == DatabaseKind.POSTGRESQL) ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
	}

	/**
	 * The statement that kills a connection from another session.
	 */
	String killConnection(long id) {
		return (database().kind() == DatabaseKind.POSTGRESQL) ? "SELECT pg_terminate_backend(" + id + ")"
				: "KILL " + id;
	}

	private Process launch(String scenario, Path marker, String... jvmOptions) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m"));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), MigratorProcess.class.getName(),
				schema().dataSource().getJdbcUrl(), schema().dataSource().getUsername(),
				schema().dataSource().getPassword(), scenario, marker.toString()));
		Path log = Files.createTempFile(this.directory, scenario, ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.logs.put(process, log);
		return process;
	}

	private void kill(Process process, Path marker) throws Exception {
		awaitMarker(process, marker);
		process.destroyForcibly();
		assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
	}

	private static void awaitMarker(Process process, Path marker) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (!Files.exists(marker)) {
			assertThat(process.isAlive()).as("the process is still running").isTrue();
			assertThat(System.nanoTime()).as("the marker appeared in time").isLessThan(deadline);
			TimeUnit.MILLISECONDS.sleep(20);
		}
	}

	private String output(Process process) throws IOException {
		return "instance exited with " + process.exitValue() + ":\n" + Files.readString(this.logs.get(process));
	}

}
