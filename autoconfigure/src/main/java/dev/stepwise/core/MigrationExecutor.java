package dev.stepwise.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.stepwise.api.DatabaseKind;
import dev.stepwise.api.MigrationFailedException;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import dev.stepwise.core.ConnectionContext.ProgressReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;

/**
 * Applies one migration and records it, on the run's connection, whose transactions it
 * begins and ends with plain JDBC. On a database with transactional DDL, a transactional
 * migration and its history row commit together in one transaction. Otherwise the step is
 * recorded {@code RUNNING} before it runs and its outcome after, so that a crash leaves a
 * visible entry that blocks later runs instead of a half-applied migration nobody
 * notices: inside the migration's transaction where DDL is known to commit implicitly
 * (the first implicit commit makes the entry visible), in a transaction of its own
 * otherwise.
 */
final class MigrationExecutor {

	private static final Logger logger = LoggerFactory.getLogger(MigrationExecutor.class);

	private final Database database;

	private final Connection connection;

	private final HistoryTable history;

	private final MigrationListener listener;

	/**
	 * @param database the database, reached through the run's connection
	 * @param connection the run's connection, in auto-commit between transactions
	 * @param history the history table on that connection
	 */
	MigrationExecutor(Database database, Connection connection, HistoryTable history, MigrationListener listener) {
		this.database = database;
		this.connection = connection;
		this.history = history;
		this.listener = listener;
	}

	/**
	 * Run a migration's {@code up} ({@link Operation#UP}) or {@code down}
	 * ({@link Operation#DOWN}) step and record it.
	 */
	ExecutedMigration run(ResolvedMigration migration, Operation operation) {
		long start = System.nanoTime();
		boolean transactional = migration.migration().transactional();
		Progress report = new Progress(new MigrationExecution(migration.version().toString(), migration.description(),
				migration.className(), operation, Instant.now(), 0, 0));
		this.listener.started(report.execution());
		try {
			if (transactional && this.database.kind().hasTransactionalDdl()) {
				runInTransaction(migration, operation, report, start);
			}
			else if (transactional && this.database.kind().commitsDdlImplicitly()) {
				runMarkedInTransaction(migration, operation, report, start);
			}
			else {
				runRecorded(migration, operation, report, start, transactional);
			}
		}
		catch (RuntimeException ex) {
			this.listener.finished(report.execution(), Duration.ofNanos(System.nanoTime() - start), ex);
			throw ex;
		}
		Duration time = Duration.ofNanos(System.nanoTime() - start);
		this.listener.finished(report.execution(), time, null);
		logger.info("{} migration {} ({}) in {} ms{}", (operation == Operation.UP) ? "Applied" : "Reverted",
				migration.version(), migration.description(), time.toMillis(),
				transactional ? "" : " without a transaction");
		return new ExecutedMigration(migration.version().toString(), migration.description(), migration.className(),
				time, transactional);
	}

	/**
	 * On a database with transactional DDL: the migration and its history row commit
	 * together, or neither does.
	 */
	private void runInTransaction(ResolvedMigration migration, Operation operation, ProgressReport report, long start) {
		try {
			begin();
			runStep(migration, operation, report);
			this.history.append(HistoryEntry.of(migration), operation, Outcome.SUCCESS, millisSince(start), null);
			commit();
		}
		catch (Exception ex) {
			rollBack(ex);
			throw rolledBack(migration, operation, ex, start);
		}
		catch (Error ex) {
			rollBack(ex);
			throw ex;
		}
	}

	/**
	 * On a database whose DDL commits implicitly: the step is recorded {@code RUNNING} as
	 * the first write of the migration's transaction, so that the first implicit commit
	 * makes the entry visible, and marked with its outcome before the transaction
	 * commits. After a failure, whether the entry outlived the rollback tells whether any
	 * of the migration was committed.
	 */
	private void runMarkedInTransaction(ResolvedMigration migration, Operation operation, ProgressReport report,
			long start) {
		int running = 0; // ranks start at 1
		try {
			begin();
			running = this.history.appendRunning(HistoryEntry.of(migration), operation);
			runStep(migration, operation, report);
			this.history.complete(running, Outcome.SUCCESS, millisSince(start), null);
			commit();
		}
		catch (Exception cause) {
			rollBack(cause);
			int rank = running;
			AtomicBoolean committed = new AtomicBoolean();
			RuntimeException notRecorded = (rank == 0) ? null : record(() -> committed
				.set(this.history.complete(rank, Outcome.FAILED, millisSince(start), detail(cause))));
			if (notRecorded == null && !committed.get()) {
				throw rolledBack(migration, operation, cause, start);
			}
			String state = "Its transaction was rolled back, but " + implicitCommits()
					+ ", so the database may hold part of it. "
					+ blockedAdvice(rank, notRecorded, "; if any of it was committed, it stays marked RUNNING");
			throw failure(migration, operation, cause, start, false, state, notRecorded);
		}
		catch (Error ex) {
			rollBack(ex);
			throw ex;
		}
	}

	/**
	 * Record a migration whose transaction was rolled back, leaving the database
	 * unchanged.
	 */
	private MigrationFailedException rolledBack(ResolvedMigration migration, Operation operation, Exception cause,
			long start) {
		RuntimeException notRecorded = record(() -> this.history.append(HistoryEntry.of(migration), operation,
				Outcome.ROLLED_BACK, millisSince(start), detail(cause)));
		String state = "Its transaction was rolled back: the database is unchanged and the next run will try it"
				+ " again." + ((notRecorded != null) ? " (Its ROLLED_BACK entry could not be written to "
						+ this.history.displayName() + ": " + detail(notRecorded) + ".)" : "");
		return failure(migration, operation, cause, start, true, state, notRecorded);
	}

	/**
	 * Without a transaction, or on a database not known to have transactional DDL: the
	 * step is recorded {@code RUNNING} first, so that a crash leaves a visible entry,
	 * then marked with its outcome (inside the migration's transaction when it has one).
	 */
	private void runRecorded(ResolvedMigration migration, Operation operation, ProgressReport report, long start,
			boolean transactional) {
		int rank = this.history.appendRunning(HistoryEntry.of(migration), operation);
		try {
			if (transactional) {
				begin();
				runStep(migration, operation, report);
				this.history.complete(rank, Outcome.SUCCESS, millisSince(start), null);
				commit();
			}
			else {
				runStep(migration, operation, report);
			}
		}
		catch (Exception cause) {
			rollBack(cause);
			RuntimeException notRecorded = record(
					() -> this.history.complete(rank, Outcome.FAILED, millisSince(start), detail(cause)));
			String state = (transactional ? "Its transaction was rolled back, but " + implicitCommits()
					: "It ran without a transaction (transactional() is false)")
					+ ", so the database may hold part of it. "
					+ blockedAdvice(rank, notRecorded, ", so it stays marked RUNNING");
			throw failure(migration, operation, cause, start, false, state, notRecorded);
		}
		catch (Error ex) {
			rollBack(ex);
			throw ex;
		}
		if (transactional) {
			return;
		}
		try {
			this.history.complete(rank, Outcome.SUCCESS, millisSince(start), null);
		}
		catch (RuntimeException ex) {
			throw new StepwiseException(Code.DATABASE_ERROR,
					"Migration " + migration.displayName() + " completed, but recording its success in "
							+ this.history.displayName() + " failed: " + detail(ex)
							+ ". It stays marked RUNNING (installed_rank " + rank
							+ "), which blocks later runs: check that its changes are in place, then run a repair with"
							+ " resolution applied.",
					ex);
		}
	}

	private String implicitCommits() {
		return (this.database.kind() != DatabaseKind.OTHER)
				? this.database.kind().displayName() + " commits DDL statements implicitly"
				: "DDL statements may commit implicitly on this database";
	}

	private void runStep(ResolvedMigration migration, Operation operation, ProgressReport report) throws Exception {
		ConnectionContext context = new ConnectionContext(this.connection, this.database, migration, report);
		if (operation == Operation.UP) {
			migration.migration().up(context);
		}
		else {
			migration.migration().down(context);
		}
	}

	/**
	 * Begin a transaction on the run's connection. The transactions are written out where
	 * they run rather than passed as lambdas, which a fresh JVM would spin for the first
	 * migration at a cost of tens of milliseconds.
	 */
	private void begin() throws SQLException {
		this.connection.setAutoCommit(false);
	}

	/**
	 * Commit the transaction and return the connection to auto-commit.
	 */
	private void commit() throws SQLException {
		this.connection.commit();
		this.connection.setAutoCommit(true);
	}

	/**
	 * Roll back a transaction that failed, if one is open, and return the connection to
	 * auto-commit; the failure stays the exception that counts. The history forgets the
	 * newest rank it knew, which may have been the rolled-back transaction's.
	 */
	private void rollBack(Throwable failure) {
		this.history.rolledBack();
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private MigrationFailedException failure(ResolvedMigration migration, Operation operation, Throwable cause,
			long start, boolean unchanged, String state, @Nullable RuntimeException notRecorded) {
		MigrationFailedException failure = new MigrationFailedException(migration.version().toString(), unchanged,
				"Migration " + migration.displayName() + ((operation == Operation.UP) ? "" : " (reverting)")
						+ " failed on " + this.database.describe() + " after " + millisSince(start) + " ms: "
						+ detail(cause) + ". " + state,
				cause);
		if (notRecorded != null) {
			failure.addSuppressed(notRecorded);
		}
		return failure;
	}

	private String blockedAdvice(@Nullable Integer rank, @Nullable RuntimeException notRecorded, String running) {
		String recorded = (notRecorded != null)
				? "Recording the failure in " + this.history.displayName() + " failed too (" + detail(notRecorded) + ")"
						+ running + " (installed_rank " + rank + ")"
				: "It is recorded as FAILED in " + this.history.displayName();
		return recorded + ", which blocks later runs: check the database, complete or undo the change by hand,"
				+ " then run a repair (stepwise.command=repair) and start again.";
	}

	/**
	 * Record the outcome of a failure in a transaction of its own.
	 * @return why recording failed, or {@code null} if it worked; the migration's own
	 * failure stays the exception that counts
	 */
	private @Nullable RuntimeException record(Runnable recording) {
		try {
			recording.run();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private static String detail(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	/**
	 * A step's execution as listeners see it: started, then updated with each progress
	 * the migration reports. A class rather than a lambda, which a fresh JVM would spin
	 * for the first migration.
	 */
	private final class Progress implements ProgressReport {

		private MigrationExecution execution;

		Progress(MigrationExecution execution) {
			this.execution = execution;
		}

		synchronized MigrationExecution execution() {
			return this.execution;
		}

		@Override
		public void progress(long done, long total) {
			MigrationExecution updated;
			synchronized (this) {
				updated = this.execution.withProgress(done, total);
				this.execution = updated;
			}
			MigrationExecutor.this.listener.progressed(updated);
		}

	}

}
