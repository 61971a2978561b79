package dev.stepwise.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stepwise.api.Migration;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.metrics.StartupStep;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One start of a small Spring Boot application in a fresh JVM: a data source and one
 * migration tool through its Spring Boot integration (or none), with N migrations.
 * Arguments: tool, JDBC URL, user, password, N, working directory, and optionally
 * {@code steps}. Prints one line:
 * {@code result ready_ms=... runners_ms=... runners_cpu_ms=... jvm_ms=... peak_kb=...}:
 * the time Spring Boot reports for the start up to {@link ApplicationReadyEvent}, the
 * part of it from {@link ApplicationStartedEvent} on (the application runners, where
 * Stepwise checks and the connected applications run their query) and the CPU time the
 * runners took, the JVM's uptime then, and the peak resident memory. With {@code steps},
 * the start records Spring's start-up steps, which costs every step a little, and the
 * line adds {@code beans_ms=...}: the time the context spent creating the Stepwise
 * starter's beans, and {@code beans_cpu_ms=...}: the CPU time of it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BootStart {

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	/**
	 * The migration tools compared, each through its own Spring Boot integration.
	 */
	enum Tool {

		/** No migration tool, and no connection while starting. */
		NONE,

		/**
		 * No migration tool, but one query at start-up whose result it reads, as most
		 * applications make (JPA, a cache, a health check): the first connection is paid
		 * here too.
		 */
		CONNECTED,

		/**
		 * As {@link #CONNECTED}, with the application's N {@link Migration} beans but the
		 * starter switched off: what the starter adds beyond creating the application's
		 * own beans.
		 */
		CONNECTED_WITH_BEANS,

		/** The Stepwise starter with {@link Migration} beans. */
		STEPWISE,

		/** Spring Boot's Flyway integration with {@link JavaMigration} beans. */
		FLYWAY,

		/** Spring Boot's Liquibase integration with a changelog of SQL changesets. */
		LIQUIBASE

	}

	public static void main(String[] args) throws Exception {
		Tool tool = Tool.valueOf(args[0]);
		int migrations = Integer.parseInt(args[4]);
		Path directory = Path.of(args[5]);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", args[1]);
		properties.put("spring.datasource.username", args[2]);
		properties.put("spring.datasource.password", args[3]);
		// each tool as a user adds it, with none of its properties set (any one under
		// stepwise.* doubles the time the starter takes to bind them): only the other
		// tools
		// are switched off
		if (tool != Tool.STEPWISE) {
			properties.put("stepwise.enabled", false);
		}
		if (tool != Tool.FLYWAY) {
			properties.put("spring.flyway.enabled", false);
		}
		if (tool != Tool.LIQUIBASE) {
			properties.put("spring.liquibase.enabled", false);
		}
		if (tool == Tool.LIQUIBASE) {
			properties.put("spring.liquibase.change-log",
					"file:" + Contender.changelog(directory, migrations).toAbsolutePath());
		}
		SpringApplication application = new SpringApplication(BootStart.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(properties);
		CpuTimedStartup steps = (args.length > 6 && args[6].equals("steps")) ? new CpuTimedStartup() : null;
		if (steps != null) {
			application.setApplicationStartup(steps);
		}
		application
			.addInitializers((context) -> registerMigrations((GenericApplicationContext) context, tool, migrations));
		// both events come on the thread that starts the application, which runs the
		// runners
		long[] started = new long[2];
		application.addListeners((ApplicationStartedEvent event) -> {
			started[0] = System.nanoTime();
			started[1] = threads.getCurrentThreadCpuTime();
		});
		application.addListeners((ApplicationReadyEvent ready) -> System.out.println("result ready_ms="
				+ ready.getTimeTaken().toMillis() + " runners_ms=" + (System.nanoTime() - started[0]) / 1_000_000.0
				+ " runners_cpu_ms=" + (threads.getCurrentThreadCpuTime() - started[1]) / 1_000_000.0 + " jvm_ms="
				+ ManagementFactory.getRuntimeMXBean().getUptime() + " peak_kb=" + Run.peakKilobytes()
				+ ((steps != null) ? starterBeans(steps) : "")));
		application.run().close();
	}

	/**
	 * The time spent creating the starter's beans (its auto-configurations, properties,
	 * engine and runner, each counted once, with the beans it creates in turn), and the
	 * CPU time of it.
	 */
	private static String starterBeans(CpuTimedStartup steps) {
		List<StartupStep> starterBeans = new ArrayList<>();
		Map<Long, Double> durations = new HashMap<>();
		for (TimelineEvent event : steps.steps().getBufferedTimeline().getEvents()) {
			StartupStep step = event.getStartupStep();
			for (StartupStep.Tag tag : step.getTags()) {
				if (step.getName().equals("spring.beans.instantiate") && tag.getKey().equals("beanName")
						&& tag.getValue().toLowerCase(Locale.ROOT).contains("stepwise")) {
					starterBeans.add(step);
					durations.put(step.getId(), event.getDuration().toNanos() / 1_000_000.0);
				}
			}
		}
		List<StartupStep> outermost = starterBeans.stream()
			.filter((step) -> !durations.containsKey(step.getParentId()))
			.toList();
		return " beans_ms=" + outermost.stream().mapToDouble((step) -> durations.get(step.getId())).sum()
				+ " beans_cpu_ms=" + outermost.stream().mapToDouble(steps::cpuMs).sum();
	}

	private static void registerMigrations(GenericApplicationContext context, Tool tool, int migrations) {
		if (tool == Tool.CONNECTED || tool == Tool.CONNECTED_WITH_BEANS) {
			context.registerBean("firstQuery", ApplicationRunner.class,
					() -> (arguments) -> context.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class));
		}
		for (int i = 1; i <= migrations; i++) {
			int number = i;
			switch (tool) {
				case STEPWISE, CONNECTED_WITH_BEANS ->
					context.registerBean("migration" + i, Migration.class, () -> Contender.stepwiseMigration(number));
				case FLYWAY ->
					context.registerBean("migration" + i, JavaMigration.class, () -> Contender.flywayMigration(number));
				default -> {
				}
			}
		}
	}

}
