package dev.stepwise.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes each step to the registered listeners and remembers the one running now, so that
 * it can be shown while it runs.
 */
final class RunningMigrations implements MigrationListener {

	private static final Logger logger = LoggerFactory.getLogger(RunningMigrations.class);

	private final List<MigrationListener> listeners;

	private volatile @Nullable MigrationExecution current;

	RunningMigrations(List<MigrationListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	Optional<MigrationExecution> current() {
		return Optional.ofNullable(this.current);
	}

	@Override
	public void started(MigrationExecution execution) {
		this.current = execution;
		if (!this.listeners.isEmpty()) {
			notify((listener) -> listener.started(execution));
		}
	}

	@Override
	public void progressed(MigrationExecution execution) {
		this.current = execution;
		if (!this.listeners.isEmpty()) {
			notify((listener) -> listener.progressed(execution));
		}
	}

	@Override
	public void finished(MigrationExecution execution, Duration duration, @Nullable Throwable failure) {
		this.current = null;
		if (!this.listeners.isEmpty()) {
			notify((listener) -> listener.finished(execution, duration, failure));
		}
	}

	/**
	 * Tell every listener, so that a broken listener (metrics, say) never fails a
	 * migration; what it throws is logged. Called only when someone listens, so that an
	 * engine without listeners makes no lambda, which a fresh JVM would pay for.
	 */
	private void notify(Consumer<MigrationListener> event) {
		for (MigrationListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed", listener, ex);
			}
		}
	}

}
