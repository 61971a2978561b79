package dev.stepwise.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One run in a fresh JVM: one contender migrating N migrations once. Arguments:
 * contender, JDBC URL, user, password, N, working directory. Then it migrates once more
 * in the same JVM, which finds nothing to do: the tool's own cost once its classes are
 * loaded. Prints one line:
 * {@code result migrate_ms=... again_ms=... round_trips=... peak_kb=...}, with the round
 * trips and peak memory of the first call.
 */
public final class Run {

	private Run() {
	}

	public static void main(String[] args) throws Exception {
		Contender contender = Contender.valueOf(args[0]);
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(args[1]);
			pool.setUsername(args[2]);
			pool.setPassword(args[3]);
			pool.setMaximumPoolSize(4);
			try (Connection warmUp = pool.getConnection()) {
				warmUp.isValid(1);
			}
			CountingDataSource dataSource = new CountingDataSource(pool);
			dataSource.prepare();
			long start = System.nanoTime();
			contender.migrate(dataSource, Integer.parseInt(args[4]), Path.of(args[5]));
			long elapsed = System.nanoTime() - start;
			long roundTrips = dataSource.roundTrips();
			long peakKilobytes = peakKilobytes();
			start = System.nanoTime();
			contender.migrate(dataSource, Integer.parseInt(args[4]), Path.of(args[5]));
			long again = System.nanoTime() - start;
			System.out.println("result migrate_ms=" + (elapsed / 1_000_000.0) + " again_ms=" + (again / 1_000_000.0)
					+ " round_trips=" + roundTrips + " peak_kb=" + peakKilobytes);
		}
	}

	static long peakKilobytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
			return -1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
