package dev.stepwise.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Spring Boot's buffering recorder of start-up steps that also notes the CPU time each
 * step took on its thread: on a small, shared machine a thread is often waiting for a
 * core, and the CPU time tells a step's own work from that wait.
 */
final class CpuTimedStartup implements ApplicationStartup {

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final BufferingApplicationStartup steps = new BufferingApplicationStartup(100_000);

	private final Map<Long, Long> cpuNanos = new HashMap<>();

	BufferingApplicationStartup steps() {
		return this.steps;
	}

	/**
	 * The CPU time a step took on its thread.
	 */
	double cpuMs(StartupStep step) {
		return this.cpuNanos.getOrDefault(step.getId(), 0L) / 1_000_000.0;
	}

	@Override
	public StartupStep start(String name) {
		StartupStep step = this.steps.start(name);
		long start = threads.getCurrentThreadCpuTime();
		return new StartupStep() {

			@Override
			public String getName() {
				return step.getName();
			}

			@Override
			public long getId() {
				return step.getId();
			}

			@Override
			public Long getParentId() {
				return step.getParentId();
			}

			@Override
			public StartupStep tag(String key, String value) {
				step.tag(key, value);
				return this;
			}

			@Override
			public StartupStep tag(String key, Supplier<String> value) {
				step.tag(key, value);
				return this;
			}

			@Override
			public Tags getTags() {
				return step.getTags();
			}

			@Override
			public void end() {
				CpuTimedStartup.this.cpuNanos.put(step.getId(), threads.getCurrentThreadCpuTime() - start);
				step.end();
			}

		};
	}

}
