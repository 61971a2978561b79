package dev.stepwise.actuate;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.stepwise.core.MigrationExecution;
import dev.stepwise.core.MigrationListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes each migration step as {@code stepwise.migrations}, tagged with its
 * {@code version}, {@code operation} and {@code outcome}: a timer with Micrometer
 * metrics, a span with tracing.
 */
public class MigrationObservations implements MigrationListener {

	/** The name of the observation, and so of the timer. */
	public static final String NAME = "stepwise.migrations";

	private final ObservationRegistry registry;

	private final Map<MigrationKey, Observation> running = new ConcurrentHashMap<>();

	/**
	 * Create the listener.
	 * @param registry where observations go
	 */
	public MigrationObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void started(MigrationExecution execution) {
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName(
					"migration " + execution.operation().name().toLowerCase(Locale.ROOT) + " " + execution.version())
			.lowCardinalityKeyValue("version", execution.version())
			.lowCardinalityKeyValue("operation", execution.operation().name())
			.start();
		this.running.put(MigrationKey.of(execution), observation);
	}

	@Override
	public void finished(MigrationExecution execution, Duration duration, @Nullable Throwable failure) {
		Observation observation = this.running.remove(MigrationKey.of(execution));
		if (observation == null) {
			return;
		}
		observation.lowCardinalityKeyValue("outcome", (failure != null) ? "FAILED" : "SUCCESS");
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

	private record MigrationKey(String version, String operation) {

		static MigrationKey of(MigrationExecution execution) {
			return new MigrationKey(execution.version(), execution.operation().name());
		}

	}

}
