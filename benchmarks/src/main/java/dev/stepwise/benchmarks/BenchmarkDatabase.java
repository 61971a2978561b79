package dev.stepwise.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * What differs between the databases the benchmark runs on: how a fresh schema is made
 * and reached, how the server names its version, and the floor's lock.
 */
enum BenchmarkDatabase {

	/** PostgreSQL: a schema per run, reached with {@code currentSchema}. */
	POSTGRESQL("PostgreSQL", "SHOW server_version", "SELECT pg_advisory_lock(4242)",
			"SELECT pg_advisory_unlock(4242)") {

		@Override
		List<String> recreate(String schema) {
			return List.of("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
		}

		@Override
		String drop(String schema) {
			return "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
		}

		@Override
		String url(String url, String schema) {
			return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		}

	},

	/** MariaDB: a database per run, named in the URL's path. */
	MARIADB("MariaDB", "SELECT VERSION()", "SELECT GET_LOCK('floor', -1)", "SELECT RELEASE_LOCK('floor')") {

		@Override
		List<String> recreate(String schema) {
			return List.of(drop(schema), "CREATE DATABASE " + schema);
		}

		@Override
		String drop(String schema) {
			return "DROP DATABASE IF EXISTS " + schema;
		}

		@Override
		String url(String url, String schema) {
			int path = url.indexOf('/', "jdbc:mariadb://".length());
			int query = url.indexOf('?');
			return url.substring(0, path + 1) + schema + ((query >= 0) ? url.substring(query) : "");
		}

	};

	private final String displayName;

	private final String versionQuery;

	private final String lock;

	private final String unlock;

	BenchmarkDatabase(String displayName, String versionQuery, String lock, String unlock) {
		this.displayName = displayName;
		this.versionQuery = versionQuery;
		this.lock = lock;
		this.unlock = unlock;
	}

	static BenchmarkDatabase of(String url) {
		return url.startsWith("jdbc:mariadb:") ? MARIADB : POSTGRESQL;
	}

	/**
	 * The statements that drop a schema if it exists and create it empty.
	 */
	abstract List<String> recreate(String schema);

	abstract String drop(String schema);

	/**
	 * The URL of a schema on the server of a URL.
	 */
	abstract String url(String url, String schema);

	String displayName() {
		return this.displayName;
	}

	String versionQuery() {
		return this.versionQuery;
	}

	/** The floor's lock, held until {@link #unlock()}. */
	String lock() {
		return this.lock;
	}

	String unlock() {
		return this.unlock;
	}

	/**
	 * The file name of the results on this database: {@code RESULTS.md} for PostgreSQL,
	 * the first database; {@code RESULTS-mariadb.md} for MariaDB.
	 */
	String fileName(String base, String extension) {
		return (this == POSTGRESQL) ? base + "." + extension
				: base + "-" + name().toLowerCase(Locale.ROOT) + "." + extension;
	}

}
