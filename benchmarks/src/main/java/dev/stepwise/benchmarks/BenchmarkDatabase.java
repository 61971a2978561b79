package dev.stepwise.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * What differs between the databases the benchmark runs on: how a fresh schema is made
 * and reached, how the database names its version, and the floor's lock.
 */
enum BenchmarkDatabase {

	/** PostgreSQL: a schema per run, reached with {@code currentSchema}. */
	POSTGRESQL("PostgreSQL", "SCHEMA", "SHOW server_version", "SELECT pg_advisory_lock(4242)",
			"SELECT pg_advisory_unlock(4242)") {

		@Override
		String url(String url, String schema) {
			return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		}

	},

	/** MariaDB: a database per run, named in the URL's path. */
	MARIADB("MariaDB", "DATABASE", "SELECT VERSION()", "SELECT GET_LOCK('floor', -1)", "SELECT RELEASE_LOCK('floor')") {

		@Override
		String url(String url, String schema) {
			int path = url.indexOf('/', "jdbc:mariadb://".length());
			int query = url.indexOf('?');
			return url.substring(0, path + 1) + schema + ((query >= 0) ? url.substring(query) : "");
		}

	},

	/**
	 * H2: a schema per run in one database file, reached with {@code SCHEMA}. H2 has no
	 * lock a session holds across transactions but exclusive mode, which holds off every
	 * other connection until it ends.
	 */
	H2("H2", "SCHEMA", "SELECT H2VERSION()", "SET EXCLUSIVE 1", "SET EXCLUSIVE 0") {

		@Override
		String url(String url, String schema) {
			return url + ";SCHEMA=" + schema;
		}

	};

	private final String displayName;

	private final String namespace;

	private final String versionQuery;

	private final String lock;

	private final String unlock;

	BenchmarkDatabase(String displayName, String namespace, String versionQuery, String lock, String unlock) {
		this.displayName = displayName;
		this.namespace = namespace;
		this.versionQuery = versionQuery;
		this.lock = lock;
		this.unlock = unlock;
	}

	static BenchmarkDatabase of(String url) {
		if (url.startsWith("jdbc:mariadb:")) {
			return MARIADB;
		}
		return url.startsWith("jdbc:h2:") ? H2 : POSTGRESQL;
	}

	/**
	 * The statements that drop a schema (on MariaDB, a database) if it exists and create
	 * it empty.
	 */
	List<String> recreate(String schema) {
		return List.of(drop(schema), "CREATE " + this.namespace + " " + schema);
	}

	String drop(String schema) {
		return "DROP " + this.namespace + " IF EXISTS " + schema + (this.namespace.equals("SCHEMA") ? " CASCADE" : "");
	}

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
	 * the first database; {@code RESULTS-mariadb.md} for MariaDB, {@code RESULTS-h2.md}
	 * for H2.
	 */
	String fileName(String base, String extension) {
		return (this == POSTGRESQL) ? base + "." + extension
				: base + "-" + name().toLowerCase(Locale.ROOT) + "." + extension;
	}

}
