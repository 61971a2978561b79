package dev.stepwise.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.stepwise.api.DatabaseKind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;

/**
 * The SQL that differs between databases. This base class speaks portable SQL and JDBC
 * metadata only, so that a database Stepwise knows nothing about still gets a correct
 * lock (a lease row), history and format check; each known database overrides what it
 * does better.
 */
class Dialect {

	/**
	 * The suffix of the table that carries the history format where tables have no
	 * comments.
	 */
	static final String FORMAT_TABLE_SUFFIX = "_format";

	private static final Dialect GENERIC = new Dialect();

	/**
	 * The dialect of a kind of database. Each dialect is one instance typed
	 * {@code Dialect}, so that verifying this method loads none of them (returning a
	 * {@code new PostgresDialect()} would load every dialect on every start), and the
	 * choice is made with {@code if}s: a switch on an enum compiles to a class of its
	 * own.
	 */
	static Dialect of(DatabaseKind kind) {
		if (kind == DatabaseKind.POSTGRESQL) {
			return PostgresDialect.INSTANCE;
		}
		if (kind == DatabaseKind.MARIADB || kind == DatabaseKind.MYSQL) {
			return MySqlDialect.INSTANCE;
		}
		if (kind == DatabaseKind.H2) {
			return H2Dialect.INSTANCE;
		}
		return GENERIC;
	}

	/**
	 * The metadata of the driver's own connection: a pool's proxy of it (HikariCP's) is a
	 * class as large as the interface, which every start would load for a few answers.
	 */
	static DatabaseMetaData metaData(Connection connection) throws SQLException {
		return connection.unwrap(Connection.class).getMetaData();
	}

	@Nullable String currentSchema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	boolean schemaExists(Connection connection, String schema) throws SQLException {
		DatabaseMetaData metaData = metaData(connection);
		try (ResultSet schemas = metaData.getSchemas(null, null)) {
			return containsName(schemas, "TABLE_SCHEM", Identifiers.of(metaData).stored(schema));
		}
	}

	/**
	 * The format marker of the history table, read on every start: empty if the table
	 * does not exist, an empty string if it exists without a marker. Read from the
	 * connection's metadata unless a dialect has a query for it.
	 */
	Optional<String> historyMarker(SqlRunner sql, Database database, String table) {
		return sql.run(new ConnectionCallback<>() {

			@Override
			public Optional<String> doInConnection(Connection connection) throws SQLException {
				return historyMarker(connection, database, table);
			}

		});
	}

	/**
	 * The format marker of the history table, read on a connection. Portable SQL has no
	 * table comments, so the marker is the one row of a table named after the history
	 * table.
	 */
	Optional<String> historyMarker(Connection connection, Database database, String table) throws SQLException {
		if (!tableExists(connection, database.schema(), table)) {
			return Optional.empty();
		}
		String formatTable = table + FORMAT_TABLE_SUFFIX;
		if (!tableExists(connection, database.schema(), formatTable)) {
			return Optional.of("");
		}
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT marker FROM " + database.qualify(formatTable))) {
			return Optional.of(row.next() ? String.valueOf(row.getString(1)) : "");
		}
	}

	/**
	 * The statements that create the history table and mark it with its format: the
	 * {@code CREATE TABLE} statement, then a table of its own that holds the marker, as
	 * portable SQL has no table comments.
	 * @param create the statement that creates the history table
	 */
	List<String> createHistory(Database database, String table, String create, String marker) {
		String formatTable = database.qualify(table + FORMAT_TABLE_SUFFIX);
		return List.of(create, "CREATE TABLE " + formatTable + " (marker VARCHAR(100) NOT NULL)",
				"INSERT INTO " + formatTable + " (marker) VALUES ('" + marker + "')");
	}

	/**
	 * The aggregate that joins the history's versions into one text, separated by
	 * {@code ,} in the order they were recorded ({@code installed_rank}), for a
	 * {@link HistorySummary}; {@code null} where portable SQL has none, or where the
	 * database runs in the application's JVM and folding the events in Java costs less
	 * than its aggregate: the summary is then folded from one statement's events.
	 */
	@Nullable String versionsInOrder() {
		return null;
	}

	boolean tableExists(Connection connection, @Nullable String schema, String table) throws SQLException {
		return tableRemarks(connection, schema, table).isPresent();
	}

	/**
	 * The remarks (comment) of a table from JDBC metadata: empty if the table does not
	 * exist, an empty string if it has none.
	 */
	Optional<String> tableRemarks(Connection connection, @Nullable String schema, String table) throws SQLException {
		DatabaseMetaData metaData = metaData(connection);
		Identifiers identifiers = Identifiers.of(metaData);
		String storedTable = identifiers.stored(table);
		try (ResultSet tables = tables(metaData, (schema != null) ? identifiers.stored(schema) : null, storedTable)) {
			while (tables.next()) {
				if (storedTable.equals(tables.getString("TABLE_NAME"))) {
					String remarks = tables.getString("REMARKS");
					return Optional.of((remarks != null) ? remarks : "");
				}
			}
			return Optional.empty();
		}
	}

	/**
	 * Whether the schema holds tables other than the given ones (compared ignoring case).
	 */
	boolean hasTablesOtherThan(Connection connection, @Nullable String schema, Set<String> ignored)
			throws SQLException {
		DatabaseMetaData metaData = metaData(connection);
		String storedSchema = (schema != null) ? Identifiers.of(metaData).stored(schema) : null;
		try (ResultSet tables = tables(metaData, storedSchema, "%")) {
			while (tables.next()) {
				String type = String.valueOf(tables.getString("TABLE_TYPE"));
				String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if ((type.equals("TABLE") || type.equals("BASE TABLE")) && !ignored.contains(name)) {
					return true;
				}
			}
			return false;
		}
	}

	ResultSet tables(DatabaseMetaData metaData, @Nullable String schema, String table) throws SQLException {
		return metaData.getTables(null, schema, table, null);
	}

	/**
	 * Whether the database keeps a time with its offset
	 * ({@code TIMESTAMP WITH TIME ZONE}), which makes the history's times exact whatever
	 * the time zones.
	 */
	boolean keepsOffsets() {
		return false;
	}

	/**
	 * The type of the history's time column.
	 */
	String timestampType() {
		return keepsOffsets() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
	}

	/**
	 * The time of now, as the {@link #timestampType() time column} stores it.
	 */
	String now() {
		return "CURRENT_TIMESTAMP";
	}

	/**
	 * The select-list expression for the {@link #timestampType() time column} that
	 * {@link #instant} reads, named after the column.
	 */
	String selectTime(String column) {
		return column;
	}

	/**
	 * Read the {@link #selectTime time column} through {@code java.time} (a cold read of
	 * a long history spends most of its time in {@code getTimestamp}'s calendar
	 * arithmetic): with its offset where the database keeps one, else as a wall-clock
	 * time in the JVM's time zone, which is right when the database session and the JVM
	 * share a time zone.
	 * @param column the column's index
	 */
	Instant instant(ResultSet row, int column) throws SQLException {
		return keepsOffsets() ? row.getObject(column, OffsetDateTime.class).toInstant()
				: row.getObject(column, LocalDateTime.class).atZone(ZoneId.systemDefault()).toInstant();
	}

	MigrationLock lock(Database database, String table, Duration lease) {
		return new LeaseLock(database, table + "_lock", lease);
	}

	static boolean containsName(ResultSet names, String column, String name) throws SQLException {
		while (names.next()) {
			if (name.equals(names.getString(column))) {
				return true;
			}
		}
		return false;
	}

}
