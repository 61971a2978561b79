package dev.stepwise.autoconfigure;

import java.time.Duration;

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
	 * Name of the history table.
	 */
	private String table = "stepwise_history";

	/**
	 * Schema of the history table, created if missing. Defaults to the connection's
	 * current schema.
	 */
	private @Nullable String schema;

	/**
	 * How long to wait for another instance's migration run to finish before failing.
	 * Zero tries once.
	 */
	private Duration lockTimeout = Duration.ofMinutes(5);

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

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
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

}
