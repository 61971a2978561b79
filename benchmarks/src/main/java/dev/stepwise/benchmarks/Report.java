package dev.stepwise.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.stepwise.benchmarks.Benchmark.Measurement;
import dev.stepwise.benchmarks.BootStart.Tool;

/**
 * Medians and ratios of the measurements, as Markdown and as an SVG chart.
 */
final class Report {

	private static final String[] WORKLOADS = { "noop", "apply" };

	private final Map<String, List<Measurement>> measurements;

	private final Map<String, Long> roundTrips;

	private final Map<Tool, List<Measurement>> boot;

	private final List<Measurement> starterBeans;

	private final int[] sizes;

	private final int bootSize;

	private final int rounds;

	private final int noopRuns;

	private final String database;

	private final Map<String, String> options;

	Report(Map<String, List<Measurement>> measurements, Map<String, Long> roundTrips, Map<Tool, List<Measurement>> boot,
			List<Measurement> starterBeans, int[] sizes, int bootSize, int rounds, int noopRuns, String database,
			Map<String, String> options) {
		this.measurements = measurements;
		this.roundTrips = roundTrips;
		this.boot = boot;
		this.starterBeans = starterBeans;
		this.sizes = sizes;
		this.bootSize = bootSize;
		this.rounds = rounds;
		this.noopRuns = noopRuns;
		this.database = database;
		this.options = options;
	}

	static String key(String workload, int size, Contender contender) {
		return workload + "/" + size + "/" + contender;
	}

	/**
	 * The results as Markdown, showing the chart written to a file of the given name.
	 */
	String markdown(String chart) {
		StringBuilder md = new StringBuilder("# Benchmark results\n\n");
		md.append("Measured on ")
			.append(Benchmark.date())
			.append(": ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, Java ")
			.append(System.getProperty("java.version"))
			.append(", ")
			.append(this.database)
			.append(", ")
			.append(this.rounds)
			.append(" interleaved rounds, each starting with the next contender, every run in a fresh JVM (`-Xmx512m`);")
			.append(" each round applies on a fresh schema and then checks it ")
			.append(this.noopRuns)
			.append(" times (`noop`), still interleaved; a HikariCP pool of 4. Medians; ×floor is the ratio to plain JDBC doing the least a correct tool must.")
			.append(" JDBC round trips are counted in a run of their own through a wrapper of the pool, which the")
			.append(" timed runs go without: its reflective proxies cost every JDBC call a few microseconds.")
			.append("\n\nProduced by `benchmarks/run`")
			.append(this.options.isEmpty() ? "" : " with " + this.options)
			.append(". Contenders: Stepwise (this build), Flyway 13.12.0 (Java migrations), Liquibase 5.0.4")
			.append(" (SQL changesets), floor (plain JDBC).\n\n![Stepwise, Flyway and Liquibase against the floor](")
			.append(chart)
			.append(")\n");
		for (String workload : WORKLOADS) {
			md.append("\n## `")
				.append(workload)
				.append("`: ")
				.append(workload.equals("noop") ? "everything applied already, the check every start pays"
						: "a fresh schema, every migration applied")
				.append("\n\n| N | contender | migrate (ms) | ×floor | process wall (ms) | peak memory (MB) | ×floor | JDBC round trips |\n")
				.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
			for (int size : this.sizes) {
				double floorMs = median(workload, size, Contender.FLOOR, Measurement::migrateMs);
				double floorKb = median(workload, size, Contender.FLOOR, (m) -> m.peakKb());
				for (Contender contender : Contender.values()) {
					double ms = median(workload, size, contender, Measurement::migrateMs);
					double kb = median(workload, size, contender, (m) -> m.peakKb());
					md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.2f | %.0f | %.0f | %.2f | %d |%n", size,
							contender.name().toLowerCase(Locale.ROOT), ms, ms / floorMs,
							median(workload, size, contender, Measurement::wallMs), kb / 1024, kb / floorKb,
							this.roundTrips.get(key(workload, size, contender))));
				}
			}
		}
		md.append("\n## `noop` again in the same JVM: the check without the cold start\n\n")
			.append("Each `noop` run migrates a second time in the same JVM, with the tool's classes loaded and its")
			.append(" code run once: what is left is the tool's own work. The gap to the first call is paid once per")
			.append(" JVM, and a Spring Boot application pays part of it (spring-jdbc, the driver) anyway.\n\n")
			.append("| N | contender | first call (ms) | again (ms) | ×floor |\n|---:|---|---:|---:|---:|\n");
		for (int size : this.sizes) {
			double floorAgain = median("noop", size, Contender.FLOOR, Measurement::againMs);
			for (Contender contender : Contender.values()) {
				double again = median("noop", size, contender, Measurement::againMs);
				md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.2f |%n", size,
						contender.name().toLowerCase(Locale.ROOT),
						median("noop", size, contender, Measurement::migrateMs), again, again / floorAgain));
			}
		}
		md.append("\n## Spring Boot start with ")
			.append(this.bootSize)
			.append(" migrations applied already\n\n")
			.append("A small Spring Boot application (JDBC and HikariCP, no web server) started in a fresh JVM")
			.append(" through each tool's Spring Boot integration: the Stepwise starter with `Migration` beans,")
			.append(" Spring Boot's Flyway support with `JavaMigration` beans, Spring Boot's Liquibase support with")
			.append(" a changelog of SQL changesets, each with none of its properties set, as a user adds it (the")
			.append(" others are switched off with their `enabled` property), and the same application without a")
			.append(" migration tool: `none` opens")
			.append(" no connection while it starts, `connected` runs one query at start-up and reads its result, as")
			.append(" most applications do, so it pays for the first connection too, and `connected_with_beans` also")
			.append(" has the ")
			.append(this.bootSize)
			.append(" `Migration` beans with the starter switched off. Start to ready is the time Spring Boot reports")
			.append(" at `ApplicationReadyEvent`; added is the difference to `none`, to `connected` and to")
			.append(" `connected_with_beans`. Medians of ")
			.append(this.boot.get(Tool.NONE).size())
			.append(" interleaved rounds: identical starts differ by a hundred milliseconds and more, so these")
			.append(" differences are good to a few tens of milliseconds at best. Runners is the part of the start")
			.append(" from `ApplicationStartedEvent` to `ApplicationReadyEvent`, when the application runners run:")
			.append(" Stepwise checks there, and `connected` and `connected_with_beans` run their query there, each")
			.append(" opening the application's first connection; Flyway and Liquibase migrate earlier, while the")
			.append(" context refreshes.\n\n")
			.append("| tool | start to ready (ms) | added to none (ms) | added to connected (ms) |")
			.append(" added to connected with beans (ms) | runners (ms) | process wall (ms) | peak memory (MB) |\n")
			.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		double none = median(this.boot.get(Tool.NONE), Measurement::migrateMs);
		double connected = median(this.boot.get(Tool.CONNECTED), Measurement::migrateMs);
		double withBeans = median(this.boot.get(Tool.CONNECTED_WITH_BEANS), Measurement::migrateMs);
		for (Tool tool : Tool.values()) {
			List<Measurement> starts = this.boot.get(tool);
			double ready = median(starts, Measurement::migrateMs);
			md.append(String.format(Locale.ROOT, "| %s | %.0f | %+.0f | %+.0f | %+.0f | %.0f | %.0f | %.0f |%n",
					tool.name().toLowerCase(Locale.ROOT), ready, ready - none, ready - connected, ready - withBeans,
					median(starts, Measurement::runnersMs), median(starts, Measurement::wallMs),
					median(starts, (m) -> m.peakKb()) / 1024));
		}
		double checkRunner = median(this.boot.get(Tool.STEPWISE), Measurement::runnersMs);
		double queryRunner = median(this.boot.get(Tool.CONNECTED_WITH_BEANS), Measurement::runnersMs);
		double checkAdds = medianDifference(this.boot.get(Tool.STEPWISE), this.boot.get(Tool.CONNECTED_WITH_BEANS),
				Measurement::runnersMs);
		double checkCpu = median(this.boot.get(Tool.STEPWISE), Measurement::runnersCpuMs);
		double queryCpu = median(this.boot.get(Tool.CONNECTED_WITH_BEANS), Measurement::runnersCpuMs);
		double checkAddsCpu = medianDifference(this.boot.get(Tool.STEPWISE), this.boot.get(Tool.CONNECTED_WITH_BEANS),
				Measurement::runnersCpuMs);
		double beans = median(this.starterBeans, Measurement::beansMs);
		md.append(String.format(Locale.ROOT, "%nStepwise's check in its runner took %.0f ms against %.0f ms for the"
				+ " one query of `connected_with_beans`, which opens the first connection as well: %+.0f ms, the"
				+ " median of the differences within each round, which leave out how the machine's speed drifts"
				+ " from round to round (the difference of the two medians is %+.0f ms). On the CPU of the thread"
				+ " that ran them, the two runners took %.0f and %.0f ms: %+.0f ms, paired the same way; the rest of"
				+ " their time went to waiting for the database and for a core, which HikariCP's own thread, opening"
				+ " the pool's other connections meanwhile, competes for. Creating"
				+ " the starter's beans (its auto-configuration, properties, engine and runner) took %.0f ms while the"
				+ " context refreshed, the median of %d further starts with the starter that record Spring's start-up"
				+ " steps; %.0f ms of it on the CPU, the rest off it (waiting for a core, which the JIT compiler and"
				+ " the garbage collector share). Together, the starter adds %.0f ms that can be measured apart from the noise of the rest"
				+ " of the start; reading its auto-configuration and evaluating its conditions, while the context"
				+ " parses its configuration classes, is in the differences of start to ready only.%n", checkRunner,
				queryRunner, checkAdds, checkRunner - queryRunner, checkCpu, queryCpu, checkAddsCpu, beans,
				this.starterBeans.size(), median(this.starterBeans, Measurement::beansCpuMs), beans + checkAdds));
		return md.toString();
	}

	String svg() {
		int size = this.sizes[this.sizes.length - 1];
		Contender[] contenders = Contender.values();
		double max = 1;
		for (String workload : WORKLOADS) {
			for (Contender contender : contenders) {
				max = Math.max(max, ratio(workload, size, contender));
			}
		}
		int width = 640;
		int rowHeight = 26;
		int labelWidth = 170;
		StringBuilder svg = new StringBuilder();
		int height = 60 + WORKLOADS.length * (contenders.length * rowHeight + 30);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" font-family=\"sans-serif\" font-size=\"13\">\n")
			.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
			.append("<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Time of the migrate call at N = ")
			.append(size)
			.append(", relative to the floor (lower is better)</text>\n");
		int y = 50;
		for (String workload : WORKLOADS) {
			svg.append("<text x=\"10\" y=\"")
				.append(y + 12)
				.append("\" font-weight=\"bold\">")
				.append(workload)
				.append("</text>\n");
			y += 20;
			for (Contender contender : contenders) {
				double ratio = ratio(workload, size, contender);
				int bar = (int) Math.round((width - labelWidth - 90) * ratio / max);
				String colour = (contender == Contender.STEPWISE) ? "#2e7d32"
						: (contender == Contender.FLOOR) ? "#9e9e9e" : "#5c6bc0";
				svg.append("<text x=\"20\" y=\"")
					.append(y + 16)
					.append("\">")
					.append(contender.name().toLowerCase(Locale.ROOT))
					.append("</text>\n")
					.append("<rect x=\"")
					.append(labelWidth)
					.append("\" y=\"")
					.append(y + 3)
					.append("\" width=\"")
					.append(Math.max(bar, 1))
					.append("\" height=\"18\" fill=\"")
					.append(colour)
					.append("\"/>\n")
					.append("<text x=\"")
					.append(labelWidth + Math.max(bar, 1) + 6)
					.append("\" y=\"")
					.append(y + 16)
					.append("\">")
					.append(String.format(Locale.ROOT, "%.2f×", ratio))
					.append("</text>\n");
				y += rowHeight;
			}
			y += 10;
		}
		return svg.append("</svg>\n").toString();
	}

	private double ratio(String workload, int size, Contender contender) {
		return median(workload, size, contender, Measurement::migrateMs)
				/ median(workload, size, Contender.FLOOR, Measurement::migrateMs);
	}

	private double median(String workload, int size, Contender contender, ToDoubleFunction<Measurement> value) {
		return median(this.measurements.get(key(workload, size, contender)), value);
	}

	private static double median(List<Measurement> measurements, ToDoubleFunction<Measurement> value) {
		return median(measurements.stream().mapToDouble(value).toArray());
	}

	/**
	 * The median of the differences between two tools' starts in the same round: the
	 * rounds interleave the tools, so each difference is taken at one speed of the
	 * machine.
	 */
	private static double medianDifference(List<Measurement> starts, List<Measurement> baseline,
			ToDoubleFunction<Measurement> value) {
		double[] differences = new double[starts.size()];
		for (int round = 0; round < differences.length; round++) {
			differences[round] = value.applyAsDouble(starts.get(round)) - value.applyAsDouble(baseline.get(round));
		}
		return median(differences);
	}

	private static double median(double[] unsorted) {
		double[] values = unsorted.clone();
		Arrays.sort(values);
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

}
