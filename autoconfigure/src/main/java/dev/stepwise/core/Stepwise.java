package dev.stepwise.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.stepwise.api.Migration;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;

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

	private static final Logger logger = LoggerFactory.getLogger(Stepwise.class);

	private final DataSource dataSource;

	private final List<Migration> migrations;

	private final String table;

	private final @Nullable String schema;

	private final Duration lockTimeout;

	private final MigrationPlanner planner;

	private Stepwise(Builder builder) {
		this.dataSource = Objects.requireNonNull(builder.dataSource, "A DataSource is required");
		this.migrations = List.copyOf(builder.migrations);
		this.table = builder.table;
		this.schema = builder.schema;
		this.lockTimeout = builder.lockTimeout;
		this.planner = new MigrationPlanner(builder.outOfOrder, builder.ignoreMissing, builder.target);
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
	 * migration lock and validating the migrations against the history.
	 * @return what was applied
	 * @throws StepwiseException if validation refuses the run, the lock is not acquired
	 * in time, or a migration fails
	 */
	public MigrationResult migrate() {
		long start = System.nanoTime();
		List<ResolvedMigration> resolved = MigrationResolver.resolve(this.migrations);
		Database database = Database.inspect(this.dataSource, this.schema);
		HistoryTable history = new HistoryTable(database, this.table);
		MigrationLock lock = database.dialect().lock(database, this.table);
		MigrationPlan plan = prepare(database, history, lock, resolved);
		List<AppliedMigration> applied = new ArrayList<>();
		try {
			MigrationExecutor executor = new MigrationExecutor(database, history);
			for (ResolvedMigration migration : plan.pending()) {
				applied.add(executor.apply(migration));
			}
		}
		catch (RuntimeException ex) {
			releaseAfterFailure(lock, ex);
			throw ex;
		}
		lock.release();
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
	 * Take the lock, then create and read the history under it and plan the run. On
	 * failure, the lock is released.
	 */
	private MigrationPlan prepare(Database database, HistoryTable history, MigrationLock lock,
			List<ResolvedMigration> resolved) {
		try {
			LockAcquisition.acquire(lock, this.lockTimeout, database.describe());
		}
		catch (DataAccessException ex) {
			throw bookkeepingFailure("take the migration lock on", database, ex);
		}
		try {
			history.createIfMissing();
			MigrationHistory events = MigrationHistory.of(history.read());
			return this.planner.plan(resolved, events, history.displayName() + " on " + database.kind().displayName());
		}
		catch (RuntimeException ex) {
			RuntimeException failure = (ex instanceof DataAccessException dataAccess) ? bookkeepingFailure(
					"create or read history table " + history.displayName() + " on", database, dataAccess) : ex;
			releaseAfterFailure(lock, failure);
			throw failure;
		}
	}

	private static StepwiseException bookkeepingFailure(String what, Database database, DataAccessException ex) {
		return new StepwiseException(Code.DATABASE_ERROR, "Stepwise could not " + what + " " + database.describe()
				+ ": " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage() + ". No migration was run.", ex);
	}

	private static void releaseAfterFailure(MigrationLock lock, RuntimeException failure) {
		try {
			lock.release();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * Configures a {@link Stepwise} engine.
	 */
	public static final class Builder {

		private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,57}");

		private @Nullable DataSource dataSource;

		private final List<Migration> migrations = new ArrayList<>();

		private String table = DEFAULT_TABLE;

		private @Nullable String schema;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private @Nullable String target;

		private boolean outOfOrder;

		private boolean ignoreMissing;

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
		 * The schema of the history table, created if missing. By default, the
		 * connection's current schema.
		 * @param schema an unquoted SQL identifier, or {@code null} for the current
		 * schema
		 * @return this builder
		 */
		public Builder schema(@Nullable String schema) {
			this.schema = (schema != null) ? identifier("schema", schema) : null;
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
		 * Build the engine. Nothing touches the database until an operation runs.
		 * @return the engine
		 */
		public Stepwise build() {
			return new Stepwise(this);
		}

		private static String identifier(String what, String name) {
			if (!IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException("The " + what + " name '" + name
						+ "' must be an unquoted SQL identifier: a letter or '_', then letters, digits or '_',"
						+ " at most 58 characters");
			}
			return name;
		}

	}

}
