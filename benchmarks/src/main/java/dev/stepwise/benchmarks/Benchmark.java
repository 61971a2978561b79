package dev.stepwise.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.stepwise.benchmarks.BootStart.Tool;

/**
 * Runs every contender on every workload and size, interleaved round by round, each run
 * in a fresh JVM on a fresh schema, and writes the medians and ratios to
 * {@code RESULTS.md} and a chart to {@code results.svg} ({@code RESULTS-mariadb.md} and
 * {@code results-mariadb.svg} on MariaDB, {@code RESULTS-h2.md} and
 * {@code results-h2.svg} on H2).
 * <p>
 * Options (all optional): {@code --url}, {@code --user}, {@code --password} (a PostgreSQL
 * database where schemas may be created, a MariaDB server where databases may be, or an
 * H2 database file, such as {@code jdbc:h2:file:./benchmarks/target/h2/bench}),
 * {@code --sizes 10,100,1000}, {@code --rounds 5}, {@code --boot-rounds 20} (rounds of
 * the Spring Boot start comparison, whose differences are small against the noise),
 * {@code --boot-size 100} (migrations in the Spring Boot start comparison),
 * {@code --out benchmarks}.
 */
public final class Benchmark {

	private final Map<String, String> options;

	private final Path out;

	private final Map<String, List<Measurement>> measurements = new LinkedHashMap<>();

	private final Map<Tool, List<Measurement>> bootMeasurements = new EnumMap<>(Tool.class);

	private final Map<String, Long> roundTrips = new LinkedHashMap<>();

	private final List<Measurement> starterBeans = new ArrayList<>();

	private Benchmark(Map<String, String> options) {
		this.options = options;
		this.out = Path.of(options.getOrDefault("out", "benchmarks"));
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		new Benchmark(options).run();
	}

	private void run() throws Exception {
		int rounds = Integer.parseInt(this.options.getOrDefault("rounds", "5"));
		int noopRuns = Integer.parseInt(this.options.getOrDefault("noop-runs", "3"));
		int[] sizes = Arrays.stream(this.options.getOrDefault("sizes", "10,100,1000").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		Files.createDirectories(this.out);
		Path work = Files.createTempDirectory("stepwise-bench");
		for (int size : sizes) {
			for (Contender contender : Contender.values()) {
				admin(database().recreate(schema(contender, size)));
				for (String workload : List.of("apply", "noop")) {
					this.roundTrips.put(Report.key(workload, size, contender),
							launch(Run.class, contender.name(), schema(contender, size), size, work, "count")
								.roundTrips());
				}
			}
			for (int round = 1; round <= rounds; round++) {
				List<Contender> order = inTurn(Contender.values(), round);
				for (Contender contender : order) {
					admin(database().recreate(schema(contender, size)));
					record("apply", size, contender,
							launch(Run.class, contender.name(), schema(contender, size), size, work));
				}
				// a check costs a fraction of a run that applies: more of them, still
				// interleaved, make its median steadier
				for (int check = 1; check <= noopRuns; check++) {
					for (Contender contender : order) {
						record("noop", size, contender,
								launch(Run.class, contender.name(), schema(contender, size), size, work));
					}
				}
				System.out.printf("N=%d round %d/%d done%n", size, round, rounds);
			}
		}
		int bootSize = Integer.parseInt(this.options.getOrDefault("boot-size", "100"));
		int bootRounds = Integer.parseInt(this.options.getOrDefault("boot-rounds", "20"));
		for (int round = 1; round <= bootRounds; round++) {
			// every tool applies first, so that no measured start follows its own tool's
			// writes while the database may still be busy with them
			for (Tool tool : Tool.values()) {
				admin(database().recreate(bootSchema(tool)));
				launch(BootStart.class, tool.name(), bootSchema(tool), bootSize, work);
			}
			for (Tool tool : inTurn(Tool.values(), round)) {
				this.bootMeasurements.computeIfAbsent(tool, (key) -> new ArrayList<>())
					.add(launch(BootStart.class, tool.name(), bootSchema(tool), bootSize, work));
			}
			this.starterBeans
				.add(launch(BootStart.class, Tool.STEPWISE.name(), bootSchema(Tool.STEPWISE), bootSize, work, "steps"));
			System.out.printf("Spring Boot start, N=%d, round %d/%d done%n", bootSize, round, bootRounds);
		}
		for (Tool tool : Tool.values()) {
			admin(List.of(database().drop(bootSchema(tool))));
		}
		for (Contender contender : Contender.values()) {
			for (int size : sizes) {
				admin(List.of(database().drop(schema(contender, size))));
			}
		}
		String chart = database().fileName("results", "svg");
		Report report = new Report(this.measurements, this.roundTrips, this.bootMeasurements, this.starterBeans, sizes,
				bootSize, rounds, noopRuns, databaseVersion(), this.options);
		String markdown = report.markdown(chart);
		Files.writeString(this.out.resolve(database().fileName("RESULTS", "md")), markdown);
		Files.writeString(this.out.resolve(chart), report.svg());
		System.out.println(markdown);
	}

	/**
	 * What a round runs, in its order: each round starts one further along, so that
	 * nothing always runs right after the same other.
	 */
	private static <T> List<T> inTurn(T[] all, int round) {
		List<T> order = new ArrayList<>(List.of(all));
		Collections.rotate(order, -(round - 1));
		return order;
	}

	private static String schema(Contender contender, int size) {
		return ("bench_" + contender + "_" + size).toLowerCase(Locale.ROOT);
	}

	private static String bootSchema(Tool tool) {
		return "bench_boot_" + tool.name().toLowerCase(Locale.ROOT);
	}

	private void record(String workload, int size, Contender contender, Measurement measurement) {
		this.measurements.computeIfAbsent(Report.key(workload, size, contender), (key) -> new ArrayList<>())
			.add(measurement);
	}

	/**
	 * Run a main class in a fresh JVM and read the {@code result} line it prints.
	 */
	private Measurement launch(Class<?> main, String contender, String schema, int size, Path work, String... mode)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), main.getName(), contender, database().url(url(), schema),
						user(), password(), String.valueOf(size), work.toString()));
		command.addAll(List.of(mode));
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(contender + " failed at N=" + size + ":\n" + output);
		}
		double wall = (System.nanoTime() - start) / 1_000_000.0;
		String result = output.lines()
			.filter((line) -> line.startsWith("result "))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No result from " + contender + ":\n" + output));
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : result.substring(7).split(" ")) {
			values.put(pair.split("=")[0], pair.split("=")[1]);
		}
		double again = Double.parseDouble(values.getOrDefault("again_ms", "-1"));
		return new Measurement(Double.parseDouble(values.getOrDefault("migrate_ms", values.get("ready_ms"))), again,
				wall - Math.max(again, 0), Long.parseLong(values.get("peak_kb")),
				Long.parseLong(values.getOrDefault("round_trips", "-1")),
				Double.parseDouble(values.getOrDefault("runners_ms", "-1")),
				Double.parseDouble(values.getOrDefault("runners_cpu_ms", "-1")),
				Double.parseDouble(values.getOrDefault("beans_ms", "-1")),
				Double.parseDouble(values.getOrDefault("beans_cpu_ms", "-1")));
	}

	private void admin(List<String> statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url(), user(), password());
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private String databaseVersion() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url(), user(), password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(database().versionQuery())) {
			rows.next();
			return database().displayName() + " " + rows.getString(1);
		}
	}

	private BenchmarkDatabase database() {
		return BenchmarkDatabase.of(url());
	}

	private String url() {
		return this.options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	private String user() {
		return this.options.getOrDefault("user", "postgres");
	}

	private String password() {
		return this.options.getOrDefault("password", "");
	}

	/**
	 * One run's figures.
	 *
	 * @param migrateMs time of the migrate call, including the tool's own set-up (for a
	 * Spring Boot start: the time to {@code ApplicationReadyEvent})
	 * @param againMs time of a second migrate call in the same JVM, which has nothing to
	 * do ({@code -1} for a Spring Boot start)
	 * @param wallMs time of the whole process, without the second call
	 * @param peakKb peak resident memory of the process
	 * @param roundTrips JDBC round trips of the migrate call ({@code -1} if not counted)
	 * @param runnersMs for a Spring Boot start, the time from
	 * {@code ApplicationStartedEvent} to {@code ApplicationReadyEvent}: the application
	 * runners ({@code -1} otherwise)
	 * @param runnersCpuMs the CPU time of the runners, on the thread that ran them
	 * @param beansMs for a Spring Boot start that records its start-up steps, the time
	 * spent creating the Stepwise starter's beans ({@code -1} otherwise)
	 * @param beansCpuMs the CPU time of creating them on the thread that did
	 */
	record Measurement(double migrateMs, double againMs, double wallMs, long peakKb, long roundTrips, double runnersMs,
			double runnersCpuMs, double beansMs, double beansCpuMs) {
	}

	static String date() {
		return LocalDate.now().toString();
	}

}
