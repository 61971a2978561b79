package dev.stepwise.core;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.stepwise.api.Migration;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stepwise engine: applies pending migrations to a database, one run at a time across
 * a cluster, recording every step in a history table.
 *
 * <pre class="code">
 * MigrationResult result = Stepwise.builder()
 *     .dataSource(dataSource)
 *     .migrations(new V1__Create_products(), new V2__Add_keywords())
 *     .build()
 *     .migrate();
 * </pre>
 */
public final class Stepwise {

	/** The default name of the history table. */
	public static final String DEFAULT_TABLE = "stepwise_history";

	/** How long a run waits for another instance's run by default. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	/** How long a lease lock lasts without renewal by default. */
	public static final Duration DEFAULT_LOCK_LEASE = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(Stepwise.class);

	private final DataSource dataSource;

	private final List<Migration> migrations;

	private final String table;

	private final @Nullable String schema;

	private final Duration lockTimeout;

	private final Duration lockLease;

	private final MigrationPlanner planner;

	private final @Nullable Version baselineVersion;

	private final RunningMigrations running;

	private final boolean createSchema;

	private final @Nullable String dataSourceName;

	private Stepwise(Builder builder) {
		this.dataSource = new SessionInitializingDataSource(
				Objects.requireNonNull(builder.dataSource, "A DataSource is required"), builder.initSql);
		this.migrations = List.copyOf(builder.migrations);
		this.table = builder.table;
		this.schema = builder.schema;
		this.lockTimeout = builder.lockTimeout;
		this.lockLease = builder.lockLease;
		this.planner = new MigrationPlanner(builder.outOfOrder, builder.ignoreMissing, builder.target);
		this.running = new RunningMigrations(builder.listeners, builder.listenerLookUps);
		this.createSchema = builder.createSchema;
		this.dataSourceName = builder.dataSourceName;
		this.baselineVersion = (builder.baselineOnMigrate != null)
				? parse(builder.baselineOnMigrate, "baseline version") : null;
	}

	/**
	 * Start configuring an engine.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Apply every pending migration (up to the target, if one is set), after taking the
	 * migration lock and validating the migrations against the history. A database that
	 * the history's summary, read without the lock, shows up to date is left as it is
	 * without taking the lock (see {@link #confirmWithoutLock}).
	 * @return what was applied
	 * @throws StepwiseException if validation refuses the run, the lock is not acquired
	 * in time, or a migration fails
	 */
	public MigrationResult migrate() {
		long start = System.nanoTime();
		List<ResolvedMigration> resolved = MigrationResolver.resolve(this.migrations);
		Database database;
		MigrationPlan upToDate;
		try (SharedConnectionDataSource connection = Database.connect(this.dataSource, this.dataSourceName)) {
			database = inspect(connection);
			upToDate = confirmWithoutLock(database.on(connection), resolved);
		}
		if (upToDate != null) {
			return result(database, upToDate, List.of(), start);
		}
		try (Run run = lock(resolved, database)) {
			MigrationPlan plan = plan(run);
			List<ExecutedMigration> applied = new ArrayList<>();
			if (!plan.pending().isEmpty()) {
				MigrationExecutor executor = new MigrationExecutor(run.database(), run.connection(), run.table(),
						this.running);
				for (ResolvedMigration migration : plan.pending()) {
					applied.add(executor.run(migration, Operation.UP));
				}
			}
			return result(run.database(), plan, applied, start);
		}
	}

	/**
	 * Confirm without the lock that nothing is pending, from the history's summary as
	 * {@link #plan(Run)} would under it. The summary is one statement's consistent view,
	 * and an instance can only add to a history that shows every migration applied: so
	 * nothing can be pending that the lock would have let this run apply, and a start
	 * with nothing to do neither waits for another instance's run nor writes anything.
	 * @param database the database, reached through the connection it was inspected on
	 * @return the plan with nothing pending, or {@code null} if the run must take the
	 * lock: something is pending, the table is missing or not marked yet, or the history
	 * must be read event by event
	 */
	private @Nullable MigrationPlan confirmWithoutLock(Database database, List<ResolvedMigration> migrations) {
		HistoryTable table = new HistoryTable(database, this.table);
		try {
			MigrationPlan plan = planFromSummary(table.readSummaryWithoutLock().orElse(null), migrations);
			return (plan != null && plan.pending().isEmpty()) ? plan : null;
		}
		catch (RuntimeException ex) {
			throw bookkeepingFailure("read history table " + table.displayName() + " on", database, ex);
		}
	}

	/**
	 * Inspect the database on a connection opened to read without the lock.
	 */
	private Database inspect(SharedConnectionDataSource connection) {
		return Database.inspect(this.dataSource, connection, this.schema, this.dataSourceName);
	}

	private static MigrationResult result(Database database, MigrationPlan plan, List<ExecutedMigration> applied,
			long start) {
		Version current = plan.currentVersionAfter(applied.size());
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		if (applied.isEmpty()) {
			logger.info("{} is up to date; current version {}", capitalize(database.describe()),
					(current != null) ? current : "none");
		}
		else {
			logger.info("Applied {} migration{} to {} in {} ms; current version {}", applied.size(),
					(applied.size() == 1) ? "" : "s", database.describe(), duration.toMillis(), current);
		}
		return new MigrationResult(database.kind(), database.schema(), List.copyOf(applied),
				(current != null) ? current.toString() : null, duration);
	}

	/**
	 * Revert the newest applied migrations, newest first, each in its own transaction
	 * (unless the migration says otherwise) and recorded as a {@code DOWN} event.
	 * @param steps how many migrations to revert
	 * @return what was reverted
	 * @throws StepwiseException if a migration on the way is irreversible or has no bean
	 * (refused before anything runs), or a {@code down} step fails
	 */
	public RevertResult revert(int steps) {
		if (steps < 1) {
			throw new IllegalArgumentException("The number of migrations to revert must be at least 1: " + steps);
		}
		return revert(steps, null);
	}

	/**
	 * Revert every applied migration newer than a version, newest first.
	 * @param target the version to go back to; {@code 0} reverts everything
	 * @return what was reverted
	 * @throws StepwiseException if a migration on the way is irreversible or has no bean
	 * (refused before anything runs), or a {@code down} step fails
	 */
	public RevertResult revertTo(String target) {
		return revert(0, parse(target, "revert target"));
	}

	private RevertResult revert(int steps, @Nullable Version target) {
		long start = System.nanoTime();
		try (Run run = lock()) {
			List<ResolvedMigration> reverts = this.planner.planRevert(run.migrations(), run.readHistory(false), steps,
					target, run.where());
			MigrationExecutor executor = new MigrationExecutor(run.database(), run.connection(), run.table(),
					this.running);
			List<ExecutedMigration> reverted = new ArrayList<>();
			for (ResolvedMigration migration : reverts) {
				reverted.add(executor.run(migration, Operation.DOWN));
			}
			String current = MigrationHistory.of(run.table().read())
				.currentVersion()
				.map(Version::toString)
				.orElse(null);
			logger.info("Reverted {} migration{} on {}; current version {}", reverted.size(),
					(reverted.size() == 1) ? "" : "s", run.database().describe(), (current != null) ? current : "none");
			return new RevertResult(List.copyOf(reverted), current, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	/**
	 * Adopt an existing database: record a baseline so that migrations up to and
	 * including the version count as applied without running. Doing it again at the same
	 * version changes nothing.
	 * @param version the version the database is already at
	 * @throws StepwiseException if the history already has other events
	 */
	public void baseline(String version) {
		Version baseline = parse(version, "baseline version");
		try (Run run = lock()) {
			recordBaseline(run, run.readHistory(false), baseline);
		}
	}

	/**
	 * Clear the {@code FAILED} and {@code RUNNING} entries that block runs, after a
	 * person has fixed the database, recording a {@code REPAIR} event for each.
	 * @param resolution whether each migration's changes are now in the database;
	 * {@code null} means the person restored the database to how it was before the failed
	 * step
	 * @return the versions repaired
	 * @throws StepwiseException if there is nothing to repair
	 */
	public List<String> repair(@Nullable RepairResolution resolution) {
		try (Run run = lock()) {
			List<HistoryEvent> unresolved = run.readHistory(false).unresolved();
			if (unresolved.isEmpty()) {
				throw new StepwiseException(Code.NOTHING_TO_REPAIR,
						"Nothing to repair in " + run.where() + ": no migration is marked FAILED or RUNNING.");
			}
			List<String> repaired = new ArrayList<>();
			for (HistoryEvent event : unresolved) {
				RepairResolution declared = (resolution != null) ? resolution : (event.operation() == Operation.DOWN)
						? RepairResolution.APPLIED : RepairResolution.NOT_APPLIED;
				run.table()
					.append(event.entry(), Operation.REPAIR, Outcome.valueOf(declared.name()), 0,
							"Cleared " + event.outcome() + " " + event.operation() + " at installed_rank "
									+ event.rank() + "; resolution " + declared);
				logger.info("Repaired migration {} ({}): marked {}", event.version(), event.description(), declared);
				repaired.add(event.version().toString());
			}
			return List.copyOf(repaired);
		}
	}

	/**
	 * Every known migration with its state, read without taking the lock or changing
	 * anything.
	 * @return the status
	 */
	public MigrationStatus status() {
		List<ResolvedMigration> resolved = MigrationResolver.resolve(this.migrations);
		return MigrationStatus.of(resolved, MigrationHistory.of(readWithoutLock()));
	}

	/**
	 * The events recorded for one version, oldest first, read without taking the lock or
	 * changing anything.
	 * @param version the version
	 * @return its events; empty if it has none
	 */
	public List<MigrationEvent> events(String version) {
		Version wanted = parse(version, "version");
		return readWithoutLock().stream()
			.filter((event) -> event.version().equals(wanted))
			.map((event) -> new MigrationEvent(event.rank(), event.operation(), event.outcome(), event.installedOn(),
					event.installedBy(), event.executionMs(), event.detail()))
			.toList();
	}

	/**
	 * Every event of the history, or none if the table does not exist yet, read on one
	 * connection.
	 */
	private List<HistoryEvent> readWithoutLock() {
		try (SharedConnectionDataSource connection = Database.connect(this.dataSource, this.dataSourceName)) {
			Database database = inspect(connection).on(connection);
			HistoryTable table = new HistoryTable(database, this.table);
			try {
				return table.exists() ? table.read() : List.of();
			}
			catch (RuntimeException ex) {
				throw bookkeepingFailure("read history table " + table.displayName() + " on", database, ex);
			}
		}
	}

	/**
	 * The migration step running now in this application, if any, with the progress it
	 * last reported.
	 * @return the running step
	 */
	public Optional<MigrationExecution> running() {
		return this.running.current();
	}

	/**
	 * Plan a migration run. A history table the run has just created is empty, and read
	 * no further. A history that holds exactly the first migrations, each applied once
	 * and in order, as most do, is confirmed from a summary of one row, and an empty one
	 * needs no more; any other is read event by event.
	 */
	private MigrationPlan plan(Run run) {
		MigrationHistory history;
		if (run.createdHistory()) {
			history = MigrationHistory.of(List.of());
		}
		else {
			HistorySummary summary = run.readSummary();
			MigrationPlan confirmed = planFromSummary(summary, run.migrations());
			if (confirmed != null) {
				return confirmed;
			}
			history = (summary.events() == 0) ? MigrationHistory.of(List.of()) : run.readHistory(true);
		}
		history = baselineIfAdopting(run, history);
		if (this.planner.namesEvents(run.migrations(), history)) {
			history = run.readHistory(false);
		}
		return this.planner.plan(run.migrations(), history, run.where());
	}

	/**
	 * The plan of a history that its summary confirms, or {@code null} if it must be read
	 * event by event.
	 */
	private @Nullable MigrationPlan planFromSummary(@Nullable HistorySummary summary,
			List<ResolvedMigration> migrations) {
		int applied = (summary != null) ? summary.appliedPrefix(migrations) : 0;
		return (applied > 0) ? this.planner.planAfter(migrations, applied) : null;
	}

	private MigrationHistory baselineIfAdopting(Run run, MigrationHistory history) {
		if (this.baselineVersion == null || !history.isEmpty() || !run.database().hasTablesOtherThan(this.table)) {
			return history;
		}
		recordBaseline(run, history, this.baselineVersion);
		return run.readHistory(true);
	}

	private void recordBaseline(Run run, MigrationHistory history, Version version) {
		Optional<HistoryEvent> existing = history.baseline();
		if (existing.isPresent() && existing.get().version().equals(version)) {
			logger.info("{} is already baselined at version {}", capitalize(run.database().describe()), version);
			return;
		}
		if (!history.isEmpty()) {
			throw new StepwiseException(Code.HISTORY_NOT_EMPTY,
					"Cannot baseline " + run.where() + " at version " + version + ": the history already has events"
							+ existing.map((baseline) -> ", including a baseline at " + baseline.version()).orElse("")
							+ ". A baseline adopts a database that Stepwise has never migrated. Nothing was changed.");
		}
		run.table().append(HistoryEntry.baseline(version), Operation.BASELINE, Outcome.SUCCESS, 0, null);
		logger.info("Baselined {} at version {}", run.database().describe(), version);
	}

	/**
	 * Take the migration lock, then create the history table if missing. Closing the run
	 * releases the lock, so that a try-with-resources block releases it whatever happens:
	 * a block rather than a callback, which would cost every start a lambda to spin (see
	 * {@link SqlRunner}).
	 */
	private Run lock() {
		return lock(MigrationResolver.resolve(this.migrations),
				Database.inspect(this.dataSource, this.schema, this.dataSourceName));
	}

	private Run lock(List<ResolvedMigration> resolved, Database database) {
		database.ensureSchema(this.createSchema);
		MigrationLock lock = database.dialect().lock(database, this.table, this.lockLease);
		try {
			lock.acquire(this.lockTimeout, database.describe());
		}
		catch (RuntimeException ex) {
			throw bookkeepingFailure("take the migration lock on", database, ex);
		}
		try {
			Database locked = database.on(lock.session());
			HistoryTable table = new HistoryTable(locked, this.table);
			boolean created;
			try {
				created = table.createIfMissing();
			}
			catch (RuntimeException ex) {
				throw bookkeepingFailure("create or check history table " + table.displayName() + " on", locked, ex);
			}
			return new Run(lock, locked, table, created, resolved,
					table.displayName() + " on " + locked.kind().displayName());
		}
		catch (RuntimeException ex) {
			try {
				lock.release();
			}
			catch (RuntimeException releasing) {
				ex.addSuppressed(releasing);
			}
			throw ex;
		}
	}

	private static Version parse(String version, String what) {
		try {
			return Version.parse(version);
		}
		catch (IllegalArgumentException ex) {
			throw new StepwiseException(Code.INVALID_MIGRATION, "The " + what + " is invalid: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A failure of Stepwise's own SQL, explained; any other exception as it is (see
	 * {@link SqlFailures#explain}).
	 */
	private static RuntimeException bookkeepingFailure(String what, Database database, RuntimeException ex) {
		return SqlFailures.explain(ex, what + " " + database.describe(), "No migration was run.");
	}

	/**
	 * One operation's view of the database, taken under the lock, which closing releases.
	 *
	 * @param createdHistory whether the operation created the history table, which then
	 * holds nothing it has not written itself
	 */
	private record Run(MigrationLock lock, Database database, HistoryTable table, boolean createdHistory,
			List<ResolvedMigration> migrations, String where) implements AutoCloseable {

		/**
		 * Read the history under the lock.
		 * @param outcomesOnly whether the operation needs only the outcome of every event
		 * ({@link HistoryTable#readOutcomes()})
		 */
		MigrationHistory readHistory(boolean outcomesOnly) {
			try {
				return MigrationHistory.of(outcomesOnly ? this.table.readOutcomes() : this.table.read());
			}
			catch (RuntimeException ex) {
				throw bookkeepingFailure("read history table " + this.table.displayName() + " on", this.database, ex);
			}
		}

		/**
		 * Read a summary of the history under the lock.
		 */
		HistorySummary readSummary() {
			try {
				return this.table.readSummary();
			}
			catch (RuntimeException ex) {
				throw bookkeepingFailure("read history table " + this.table.displayName() + " on", this.database, ex);
			}
		}

		/**
		 * The connection the run's work runs on.
		 */
		Connection connection() {
			return this.lock.session().connection();
		}

		@Override
		public void close() {
			this.lock.release();
		}

	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * Configures a {@link Stepwise} engine.
	 */
	public static final class Builder {

		private @Nullable DataSource dataSource;

		private @Nullable String dataSourceName;

		private final List<Migration> migrations = new ArrayList<>();

		private String table = DEFAULT_TABLE;

		private @Nullable String schema;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private Duration lockLease = DEFAULT_LOCK_LEASE;

		private @Nullable String target;

		private boolean outOfOrder;

		private boolean ignoreMissing;

		private @Nullable String baselineOnMigrate;

		private final List<MigrationListener> listeners = new ArrayList<>();

		private final List<Supplier<? extends Collection<? extends MigrationListener>>> listenerLookUps = new ArrayList<>();

		private final List<String> initSql = new ArrayList<>();

		private boolean createSchema;

		private Builder() {
		}

		/**
		 * The database to migrate. Required.
		 * @param dataSource the data source; it must allow two connections at once (one
		 * holds the lock on PostgreSQL and MariaDB)
		 * @return this builder
		 */
		public Builder dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		/**
		 * How messages name the database when no connection can be opened, such as its
		 * URL without credentials. By default, the driver's message stands alone.
		 * @param dataSourceName the name; it must not contain a password
		 * @return this builder
		 */
		public Builder dataSourceName(@Nullable String dataSourceName) {
			this.dataSourceName = dataSourceName;
			return this;
		}

		/**
		 * Add migrations, in any order.
		 * @param migrations the migrations
		 * @return this builder
		 */
		public Builder migrations(Collection<? extends Migration> migrations) {
			this.migrations.addAll(migrations);
			return this;
		}

		/**
		 * Add migrations, in any order.
		 * @param migrations the migrations
		 * @return this builder
		 */
		public Builder migrations(Migration... migrations) {
			return migrations(Arrays.asList(migrations));
		}

		/**
		 * The name of the history table, {@value Stepwise#DEFAULT_TABLE} by default.
		 * @param table an unquoted SQL identifier
		 * @return this builder
		 */
		public Builder table(String table) {
			this.table = identifier("table", table);
			return this;
		}

		/**
		 * The schema of the history table. By default, the connection's current schema.
		 * @param schema an unquoted SQL identifier, or {@code null} for the current
		 * schema
		 * @return this builder
		 */
		public Builder schema(@Nullable String schema) {
			this.schema = (schema != null) ? identifier("schema", schema) : null;
			return this;
		}

		/**
		 * Whether to create the configured schema when it does not exist, instead of
		 * refusing to run.
		 * @param createSchema {@code false} by default
		 * @return this builder
		 */
		public Builder createSchema(boolean createSchema) {
			this.createSchema = createSchema;
			return this;
		}

		/**
		 * How long to wait for another instance's run to finish. Zero tries once.
		 * @param lockTimeout the timeout, {@link Stepwise#DEFAULT_LOCK_TIMEOUT} by
		 * default
		 * @return this builder
		 */
		public Builder lockTimeout(Duration lockTimeout) {
			if (lockTimeout.isNegative()) {
				throw new IllegalArgumentException("The lock timeout must not be negative: " + lockTimeout);
			}
			this.lockTimeout = lockTimeout;
			return this;
		}

		/**
		 * How long the lock lasts unless renewed, on databases without session locks (H2
		 * and databases Stepwise has no special support for). The holder renews it every
		 * third of this; a holder that dies leaves a lock that the next instance takes
		 * over once this has passed.
		 * @param lockLease the lease, {@link Stepwise#DEFAULT_LOCK_LEASE} by default
		 * @return this builder
		 */
		public Builder lockLease(Duration lockLease) {
			if (lockLease.toMillis() < 3) {
				throw new IllegalArgumentException("The lock lease must be positive: " + lockLease);
			}
			this.lockLease = lockLease;
			return this;
		}

		/**
		 * Apply migrations up to and including this version only. By default, all.
		 * @param target a version of one of the migrations, or {@code null} for all
		 * @return this builder
		 */
		public Builder target(@Nullable String target) {
			this.target = target;
			return this;
		}

		/**
		 * Whether to apply pending migrations older than the newest applied one instead
		 * of refusing to run.
		 * @param outOfOrder {@code false} by default
		 * @return this builder
		 */
		public Builder outOfOrder(boolean outOfOrder) {
			this.outOfOrder = outOfOrder;
			return this;
		}

		/**
		 * Whether applied migrations without a {@link Migration} are ignored (with a
		 * warning) instead of refusing to run.
		 * @param ignoreMissing {@code false} by default
		 * @return this builder
		 */
		public Builder ignoreMissing(boolean ignoreMissing) {
			this.ignoreMissing = ignoreMissing;
			return this;
		}

		/**
		 * Baseline automatically at this version when a migrate finds tables in the
		 * schema but no history, so that an existing database is adopted. By default, no
		 * automatic baseline.
		 * @param version the version the existing database is at, or {@code null}
		 * @return this builder
		 */
		public Builder baselineOnMigrate(@Nullable String version) {
			this.baselineOnMigrate = version;
			return this;
		}

		/**
		 * Statements to run on every connection Stepwise opens, before it takes the lock,
		 * such as {@code SET ROLE schema_owner}. Give Stepwise a data source of its own
		 * when you use them, so that no pooled connection of the application keeps their
		 * effect.
		 * @param statements the statements, run in order
		 * @return this builder
		 */
		public Builder initSql(List<String> statements) {
			this.initSql.addAll(statements);
			return this;
		}

		/**
		 * Add a listener that hears about each migration step as it runs.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(MigrationListener listener) {
			this.listeners.add(listener);
			return this;
		}

		/**
		 * Add the listeners that a look-up finds, such as the beans of an application
		 * context. The engine looks them up once, when the first migration step starts,
		 * so that an operation with nothing to apply never does. They hear after the
		 * listeners added one by one, in the order the look-up returns them.
		 * @param lookUp finds the listeners
		 * @return this builder
		 */
		public Builder listeners(Supplier<? extends Collection<? extends MigrationListener>> lookUp) {
			this.listenerLookUps.add(lookUp);
			return this;
		}

		/**
		 * Build the engine. Nothing touches the database until an operation runs.
		 * @return the engine
		 */
		public Stepwise build() {
			return new Stepwise(this);
		}

		private static String identifier(String what, String name) {
			if (!Identifiers.isPlain(name)) {
				throw new IllegalArgumentException("The " + what + " name '" + name
						+ "' must be an unquoted SQL identifier: a letter or '_', then letters, digits or '_',"
						+ " at most 58 characters");
			}
			return name;
		}

	}

}
