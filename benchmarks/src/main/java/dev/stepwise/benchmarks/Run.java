package dev.stepwise.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One run in a fresh JVM: one contender migrating N migrations once. Arguments:
 * contender, JDBC URL, user, password, N, working directory, and {@code count} to count
 * the JDBC round trips instead of timing the run. Then it migrates once more in the same
 * JVM, which finds nothing to do: the tool's own cost once its classes are loaded. Prints
 * one line: {@code result migrate_ms=... again_ms=... round_trips=... peak_kb=...}, with
 * the round trips ({@code -1} unless counted) and peak memory of the first call.
 * <p>
 * Counting wraps every connection and statement in a reflective proxy, which costs each
 * JDBC call a few microseconds: a tool that makes more calls per round trip would pay for
 * the harness, so timed runs go straight to the pool.
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
			CountingDataSource counting = (args.length > 6 && args[6].equals("count")) ? new CountingDataSource(pool)
					: null;
			DataSource dataSource = (counting != null) ? counting : pool;
			long start = System.nanoTime();
			contender.migrate(dataSource, Integer.parseInt(args[4]), Path.of(args[5]));
			long elapsed = System.nanoTime() - start;
			long roundTrips = (counting != null) ? counting.roundTrips() : -1;
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
