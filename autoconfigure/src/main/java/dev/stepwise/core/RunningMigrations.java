package dev.stepwise.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes each step to the registered listeners and remembers the one running now, so that
 * it can be shown while it runs. Listeners that are looked up are looked up when the
 * first step starts: an engine with nothing to apply never needs them.
 */
final class RunningMigrations implements MigrationListener {

	private static final Logger logger = LoggerFactory.getLogger(RunningMigrations.class);

	private final List<MigrationListener> added;

	private final List<Supplier<? extends Collection<? extends MigrationListener>>> lookUps;

	private volatile @Nullable List<MigrationListener> listeners;

	private volatile @Nullable MigrationExecution current;

	/**
	 * @param added the listeners added one by one, which hear first
	 * @param lookUps what finds the other listeners
	 */
	RunningMigrations(List<MigrationListener> added,
			List<Supplier<? extends Collection<? extends MigrationListener>>> lookUps) {
		this.added = List.copyOf(added);
		this.lookUps = List.copyOf(lookUps);
		this.listeners = lookUps.isEmpty() ? this.added : null;
	}

	Optional<MigrationExecution> current() {
		return Optional.ofNullable(this.current);
	}

	@Override
	public void started(MigrationExecution execution) {
		// looked up first: a look-up that fails leaves no step showing as running
		List<MigrationListener> listeners = listeners();
		this.current = execution;
		if (!listeners.isEmpty()) {
			notify(listeners, (listener) -> listener.started(execution));
		}
	}

	@Override
	public void progressed(MigrationExecution execution) {
		this.current = execution;
		List<MigrationListener> listeners = listeners();
		if (!listeners.isEmpty()) {
			notify(listeners, (listener) -> listener.progressed(execution));
		}
	}

	@Override
	public void finished(MigrationExecution execution, Duration duration, @Nullable Throwable failure) {
		this.current = null;
		List<MigrationListener> listeners = listeners();
		if (!listeners.isEmpty()) {
			notify(listeners, (listener) -> listener.finished(execution, duration, failure));
		}
	}

	/**
	 * Tell every listener, so that a broken listener (metrics, say) never fails a
	 * migration; what it throws is logged. Called only when someone listens, so that an
	 * engine without listeners makes no lambda, which a fresh JVM would pay for.
	 */
	private void notify(List<MigrationListener> listeners, Consumer<MigrationListener> event) {
		for (MigrationListener listener : listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed", listener, ex);
			}
		}
	}

	private List<MigrationListener> listeners() {
		List<MigrationListener> listeners = this.listeners;
		if (listeners == null) {
			List<MigrationListener> all = new ArrayList<>(this.added);
			for (Supplier<? extends Collection<? extends MigrationListener>> lookUp : this.lookUps) {
				all.addAll(lookUp.get());
			}
			listeners = List.copyOf(all);
			this.listeners = listeners;
		}
		return listeners;
	}

}
