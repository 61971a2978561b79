package dev.stepwise.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.core.RepairResolution;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Stepwise.
 */
@ConfigurationProperties("stepwise")
public class StepwiseProperties {

	/**
	 * Whether to enable Stepwise.
	 */
	private boolean enabled = true;

	/**
	 * Whether to apply pending migrations when the application starts.
	 */
	private boolean autoRun = true;

	/**
	 * When pending migrations are applied at start-up: 'runner' (in an ApplicationRunner,
	 * with liveness up and readiness refusing traffic until they are done) or
	 * 'initialization' (while the context starts, before beans that use the database).
	 * Defaults to 'initialization' when Hibernate validates the schema
	 * (spring.jpa.hibernate.ddl-auto=validate) and 'runner' otherwise.
	 */
	private @Nullable StartupPhase phase;

	/**
	 * JDBC URL of the database to migrate, when Stepwise should connect on its own rather
	 * than through the application's DataSource. Defaults to the application's URL when a
	 * user or password is set.
	 */
	private @Nullable String url;

	/**
	 * Database user to migrate as, such as the schema owner, when the application
	 * connects as a user that may only read and write data. Stepwise then opens its own
	 * connections, without a pool, and closes them after each operation.
	 */
	private @Nullable String user;

	/**
	 * Password of the database user to migrate as.
	 */
	private @Nullable String password;

	/**
	 * SQL statements to run on every connection Stepwise opens, before it takes the lock,
	 * such as 'SET ROLE schema_owner' or 'SET lock_timeout = 5000'. Stepwise then opens
	 * its own connections, so that no pooled connection of the application keeps their
	 * effect.
	 */
	private List<String> initSql = new ArrayList<>();

	/**
	 * Name of the history table.
	 */
	private String table = "stepwise_history";

	/**
	 * Schema of the history table. Defaults to the connection's current schema.
	 */
	private @Nullable String schema;

	/**
	 * Whether to create the configured schema when it does not exist, instead of failing.
	 */
	private boolean createSchema;

	/**
	 * How long to wait for another instance's migration run to finish before failing.
	 * Zero tries once.
	 */
	private Duration lockTimeout = Duration.ofMinutes(5);

	/**
	 * How long the lock of a database without session locks (H2, SQLite and other
	 * databases) lasts unless its holder renews it (every third of this). A crashed
	 * instance's lock is taken over once it has passed.
	 */
	private Duration lockLease = Duration.ofSeconds(30);

	/**
	 * Version up to which (inclusive) pending migrations are applied. Defaults to all.
	 */
	private @Nullable String target;

	/**
	 * Whether to apply pending migrations older than the newest applied one instead of
	 * failing.
	 */
	private boolean outOfOrder;

	/**
	 * Whether to ignore applied migrations that have no Migration bean (with a warning)
	 * instead of failing.
	 */
	private boolean ignoreMissing;

	/**
	 * Version the database is at when it is adopted by a baseline, through the baseline
	 * command or baseline-on-migrate.
	 */
	private String baselineVersion = "1";

	/**
	 * Whether a migrate that finds tables in the schema but no history first records a
	 * baseline at the baseline version, adopting an existing database.
	 */
	private boolean baselineOnMigrate;

	/**
	 * Operation to run instead of the normal start-up, after which the application exits
	 * with an exit code: 0 on success, 1 when the operation fails or is refused, 2 when
	 * validate finds something pending, failed, missing or out of order. The web server
	 * does not start.
	 */
	private @Nullable StepwiseCommand command;

	/**
	 * Number of migrations the revert command reverts, newest first, when no target is
	 * set.
	 */
	private int steps = 1;

	/**
	 * What the repair command declares about each failed migration: 'applied' if a person
	 * completed its changes, 'not-applied' if they undid them. Defaults to the state
	 * before the failed step.
	 */
	private @Nullable RepairResolution repairResolution;

	/**
	 * Format of what commands print.
	 */
	private Output output = Output.TEXT;

	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAutoRun() {
		return this.autoRun;
	}

	public void setAutoRun(boolean autoRun) {
		this.autoRun = autoRun;
	}

	public @Nullable StartupPhase getPhase() {
		return this.phase;
	}

	public void setPhase(@Nullable StartupPhase phase) {
		this.phase = phase;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public List<String> getInitSql() {
		return this.initSql;
	}

	public void setInitSql(List<String> initSql) {
		this.initSql = initSql;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public boolean isCreateSchema() {
		return this.createSchema;
	}

	public void setCreateSchema(boolean createSchema) {
		this.createSchema = createSchema;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getLockLease() {
		return this.lockLease;
	}

	public void setLockLease(Duration lockLease) {
		this.lockLease = lockLease;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public void setTarget(@Nullable String target) {
		this.target = target;
	}

	public boolean isOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(boolean outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public boolean isIgnoreMissing() {
		return this.ignoreMissing;
	}

	public void setIgnoreMissing(boolean ignoreMissing) {
		this.ignoreMissing = ignoreMissing;
	}

	public String getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(String baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public @Nullable StepwiseCommand getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable StepwiseCommand command) {
		this.command = command;
	}

	public int getSteps() {
		return this.steps;
	}

	public void setSteps(int steps) {
		this.steps = steps;
	}

	public @Nullable RepairResolution getRepairResolution() {
		return this.repairResolution;
	}

	public void setRepairResolution(@Nullable RepairResolution repairResolution) {
		this.repairResolution = repairResolution;
	}

	public Output getOutput() {
		return this.output;
	}

	public void setOutput(Output output) {
		this.output = output;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Health indicator properties.
	 */
	public static class Health {

		/**
		 * Health status to report while migrations are pending.
		 */
		private String pendingStatus = "OUT_OF_SERVICE";

		public String getPendingStatus() {
			return this.pendingStatus;
		}

		public void setPendingStatus(String pendingStatus) {
			this.pendingStatus = pendingStatus;
		}

	}

	/**
	 * Formats commands print in.
	 */
	public enum Output {

		/** A readable table. */
		TEXT,

		/** JSON, for scripts. */
		JSON

	}

}
