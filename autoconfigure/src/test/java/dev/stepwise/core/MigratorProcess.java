package dev.stepwise.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.api.Migration;

/**
 * What a separate JVM runs in the reliability tests: one migrator, as one instance of an
 * application would. Arguments: JDBC URL, user, password, scenario, marker file.
 * <ul>
 * <li>{@code fifty}: wait for the marker file to appear (so that all instances start
 * together), then apply 50 migrations.</li>
 * <li>{@code block-transactional} / {@code block-autocommit}: apply a migration that
 * creates a table, writes the marker file and then waits to be killed.</li>
 * <li>{@code hold-lock}: take the migration lock, write the marker file and wait to be
 * killed.</li>
 * </ul>
 */
final class MigratorProcess {

	static final int MIGRATIONS = 50;

	/**
	 * A short lease for databases with lease locks, so that a test need not wait long for
	 * a killed instance's lock to expire.
	 */
	static final Duration LEASE = Duration.ofSeconds(5);

	private MigratorProcess() {
	}

	public static void main(String[] args) throws Exception {
		Path marker = Path.of(args[4]);
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(args[0]);
			dataSource.setUsername(args[1]);
			dataSource.setPassword(args[2]);
			dataSource.setMaximumPoolSize(3);
			switch (args[3]) {
				case "fifty" -> {
					while (!Files.exists(marker)) {
						TimeUnit.MILLISECONDS.sleep(5);
					}
					migrator(dataSource, fifty()).migrate();
				}
				case "block-transactional" -> migrator(dataSource, List.of(blocking(marker))).migrate();
				case "block-autocommit" -> migrator(dataSource, List.of(blocking(marker).nonTransactional())).migrate();
				case "hold-lock" -> {
					Database database = Database.inspect(dataSource, null);
					MigrationLock lock = database.dialect().lock(database, Stepwise.DEFAULT_TABLE, LEASE);
					if (!lock.tryAcquire()) {
						throw new IllegalStateException("The lock is taken");
					}
					Files.writeString(marker, "locked");
					TimeUnit.MINUTES.sleep(10);
				}
				default -> throw new IllegalArgumentException(args[3]);
			}
		}
	}

	static List<Migration> fifty() {
		List<Migration> migrations = new ArrayList<>();
		for (int i = 1; i <= MIGRATIONS; i++) {
			migrations.add(TestMigration.sql(String.valueOf(i), "CREATE TABLE t_" + i + " (id INT PRIMARY KEY)",
					"INSERT INTO t_" + i + " (id) VALUES (1)"));
		}
		return migrations;
	}

	static TestMigration blocking(Path marker) {
		return TestMigration.of("1", (context) -> {
			context.jdbc().execute("CREATE TABLE t_half (id INT PRIMARY KEY)");
			context.jdbc().update("INSERT INTO t_half (id) VALUES (1)");
			Files.writeString(marker, "blocked");
			TimeUnit.MINUTES.sleep(10);
		});
	}

	private static Stepwise migrator(HikariDataSource dataSource, List<Migration> migrations) {
		return Stepwise.builder()
			.dataSource(dataSource)
			.migrations(migrations)
			.lockTimeout(Duration.ofMinutes(2))
			.lockLease(LEASE)
			.build();
	}

}
