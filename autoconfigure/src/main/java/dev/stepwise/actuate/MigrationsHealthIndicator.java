package dev.stepwise.actuate;

import dev.stepwise.core.MigrationInfo;
import dev.stepwise.core.MigrationStatus;
import dev.stepwise.core.Stepwise;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports the migrations' health: {@code DOWN} when a migration failed or never finished,
 * a configurable status ({@code OUT_OF_SERVICE} by default) while migrations are pending,
 * {@code UP} otherwise.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Stepwise stepwise;

	private final Status pendingStatus;

	/**
	 * Create the indicator.
	 * @param stepwise the engine to report on
	 * @param pendingStatus the status to report while migrations are pending
	 */
	public MigrationsHealthIndicator(Stepwise stepwise, Status pendingStatus) {
		super("Migrations health check failed");
		this.stepwise = stepwise;
		this.pendingStatus = pendingStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		MigrationStatus status = this.stepwise.status();
		if (status.failedCount() > 0) {
			builder.down()
				.withDetail("failedVersions",
						status.migrations()
							.stream()
							.filter((migration) -> migration.state().isFailed())
							.map(MigrationInfo::version)
							.toList());
		}
		else if (status.pendingCount() > 0) {
			builder.status(this.pendingStatus);
		}
		else {
			builder.up();
		}
		builder.withDetail("currentVersion", (status.currentVersion() != null) ? status.currentVersion() : "none")
			.withDetail("applied", status.appliedCount())
			.withDetail("pending", status.pendingCount())
			.withDetail("failed", status.failedCount());
	}

}
