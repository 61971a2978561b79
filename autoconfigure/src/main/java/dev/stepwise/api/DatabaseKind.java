package dev.stepwise.api;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The kind of database a migration runs on, so that it can branch where databases differ
 * (for example {@code CREATE INDEX CONCURRENTLY} on PostgreSQL only).
 */
public enum DatabaseKind {

	/** PostgreSQL. */
	POSTGRESQL("PostgreSQL"),

	/** MariaDB. DDL statements commit implicitly. */
	MARIADB("MariaDB"),

	/** MySQL. DDL statements commit implicitly. */
	MYSQL("MySQL"),

	/** H2, the embedded default. DDL statements commit implicitly. */
	H2("H2"),

	/** Any other JDBC database, migrated with portable SQL. */
	OTHER("an unrecognised database");

	private final String displayName;

	DatabaseKind(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * The name to show people, such as {@code PostgreSQL}.
	 * @return the display name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Whether DDL statements on this database are known to take part in transactions.
	 * Where they do not, a failed migration may leave part of its changes behind.
	 * @return {@code true} for PostgreSQL only: H2, MariaDB and MySQL commit DDL
	 * implicitly, and other databases are not known
	 */
	public boolean hasTransactionalDdl() {
		return this == POSTGRESQL;
	}

	/**
	 * Whether DDL statements on this database are known to commit the open transaction,
	 * so that whatever the transaction wrote before them is committed too.
	 * @return {@code true} for H2, MariaDB and MySQL
	 */
	public boolean commitsDdlImplicitly() {
		return this == H2 || this == MARIADB || this == MYSQL;
	}

	/**
	 * Detect the kind of database from JDBC metadata, telling MariaDB apart from MySQL
	 * whichever driver is used.
	 * @param metaData the metadata of a connection to the database
	 * @return the kind of database
	 * @throws SQLException if the metadata cannot be read
	 */
	public static DatabaseKind from(DatabaseMetaData metaData) throws SQLException {
		String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
		String version = String.valueOf(metaData.getDatabaseProductVersion()).toLowerCase(Locale.ROOT);
		if (product.contains("postgresql")) {
			return POSTGRESQL;
		}
		if (product.contains("mariadb") || (product.contains("mysql") && version.contains("mariadb"))) {
			return MARIADB;
		}
		if (product.contains("mysql")) {
			return MYSQL;
		}
		if (product.equals("h2")) {
			return H2;
		}
		return OTHER;
	}

}
