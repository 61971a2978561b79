package dev.stepwise.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.stepwise.core.MigrationEvent;
import dev.stepwise.core.MigrationExecution;
import dev.stepwise.core.MigrationInfo;
import dev.stepwise.core.MigrationState;
import dev.stepwise.core.MigrationStatus;
import dev.stepwise.core.Operation;
import dev.stepwise.core.RepairResolution;
import dev.stepwise.core.Stepwise;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code migrations} endpoint: every migration with its state and timings, the one
 * running now with its progress, and the events of one version. Operations that change
 * the database ({@code migrate}, {@code revert}, {@code repair}) work only when the
 * endpoint is given unrestricted access
 * ({@code management.endpoint.migrations.access=unrestricted}).
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	private final Stepwise stepwise;

	/**
	 * Create the endpoint.
	 * @param stepwise the engine to report on
	 */
	public MigrationsEndpoint(Stepwise stepwise) {
		this.stepwise = stepwise;
	}

	/**
	 * Every known migration, from the beans and the history together.
	 * @return the migrations with a summary and the step running now
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		Optional<MigrationExecution> running = this.stepwise.running();
		MigrationStatus status = this.stepwise.status();
		List<MigrationInfo> migrations = status.migrations()
			.stream()
			.map((migration) -> showRunning(migration, running))
			.toList();
		return new MigrationsDescriptor(status.currentVersion(), status.appliedCount(), status.pendingCount(),
				status.failedCount(), running.map(RunningDescriptor::of).orElse(null), migrations);
	}

	/**
	 * One migration with every event recorded for it.
	 * @param version the version
	 * @return the migration, or {@code null} (a 404) if the version is unknown
	 */
	@ReadOperation
	public @Nullable MigrationDescriptor migration(@Selector String version) {
		Optional<MigrationExecution> running = this.stepwise.running();
		return this.stepwise.status()
			.migrations()
			.stream()
			.filter((migration) -> migration.version().equals(version))
			.findFirst()
			.map((migration) -> new MigrationDescriptor(showRunning(migration, running),
					this.stepwise.events(migration.version())))
			.orElse(null);
	}

	/**
	 * Run an operation that changes the database: {@code migrate}, {@code revert} (the
	 * newest {@code steps}, or everything newer than {@code target}) or {@code repair}
	 * (with an optional {@code resolution}: {@code applied} or {@code not-applied}).
	 * @param operation the operation
	 * @param steps how many migrations to revert
	 * @param target the version to go back to when reverting
	 * @param resolution what a repair declares
	 * @return what the operation did
	 */
	@WriteOperation
	public Object run(@Selector String operation, @Nullable Integer steps, @Nullable String target,
			@Nullable String resolution) {
		return switch (operation) {
			case "migrate" -> this.stepwise.migrate();
			case "revert" ->
				(target != null) ? this.stepwise.revertTo(target) : this.stepwise.revert((steps != null) ? steps : 1);
			case "repair" -> new RepairDescriptor(this.stepwise.repair(resolution(resolution)));
			default -> throw new InvalidEndpointRequestException(
					"Unknown operation '" + operation + "': use migrate, revert or repair", "Unknown operation");
		};
	}

	private static @Nullable RepairResolution resolution(@Nullable String resolution) {
		if (resolution == null) {
			return null;
		}
		try {
			return RepairResolution.valueOf(resolution.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(
					"Unknown resolution '" + resolution + "': use applied or not-applied", "Unknown resolution");
		}
	}

	/**
	 * A transactional migration that is running has no history row yet; show it as
	 * running all the same.
	 */
	private static MigrationInfo showRunning(MigrationInfo migration, Optional<MigrationExecution> running) {
		if (running.isEmpty() || !running.get().version().equals(migration.version())
				|| migration.state() == MigrationState.RUNNING) {
			return migration;
		}
		return new MigrationInfo(migration.version(), migration.description(), MigrationState.RUNNING,
				migration.className(), migration.transactional(), migration.reversible(), migration.installedOn(),
				migration.installedBy(), migration.executionTimeMs());
	}

	/**
	 * Every known migration with a summary.
	 *
	 * @param currentVersion the newest applied version, or {@code null} if none
	 * @param applied how many migrations are applied
	 * @param pending how many a migrate would apply
	 * @param failed how many failed or never finished
	 * @param running the step running now, if any
	 * @param migrations every known migration, oldest first
	 */
	public record MigrationsDescriptor(@Nullable String currentVersion, long applied, long pending, long failed,
			@Nullable RunningDescriptor running, List<MigrationInfo> migrations) {

	}

	/**
	 * One migration with its events.
	 *
	 * @param migration the migration
	 * @param events every event recorded for its version, oldest first
	 */
	public record MigrationDescriptor(MigrationInfo migration, List<MigrationEvent> events) {

	}

	/**
	 * The step running now.
	 *
	 * @param version the version
	 * @param description the description
	 * @param operation {@code UP} or {@code DOWN}
	 * @param startedAt when it started
	 * @param elapsedMs how long it has been running, in milliseconds
	 * @param done how much work is done, as the migration last reported
	 * @param total how much work there is, as the migration last reported
	 */
	public record RunningDescriptor(String version, String description, Operation operation, Instant startedAt,
			long elapsedMs, long done, long total) {

		static RunningDescriptor of(MigrationExecution execution) {
			return new RunningDescriptor(execution.version(), execution.description(), execution.operation(),
					execution.startedAt(), execution.elapsed().toMillis(), execution.done(), execution.total());
		}

	}

	/**
	 * What a repair did.
	 *
	 * @param repaired the versions repaired
	 */
	public record RepairDescriptor(List<String> repaired) {

	}

}
