package dev.stepwise.test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.stepwise.api.DatabaseKind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The structure of one schema at one moment: tables and views, columns (type,
 * nullability, default), primary keys, indexes (columns, uniqueness), foreign keys, check
 * constraints and, on PostgreSQL, sequences. Two snapshots are equal when the structures
 * are, and {@link #diff(SchemaSnapshot)} says how they differ.
 * <p>
 * Names the database generates (of indexes, primary keys and constraints) are left out,
 * because they change each time a table is created again; objects are known by what they
 * cover instead. Stepwise's own history and lock tables are left out.
 *
 * @param objects every object of the schema, by a readable key such as
 * {@code column product.name}, with its definition
 */
public record SchemaSnapshot(SortedMap<String, String> objects) {

	private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "VIEW", "PARTITIONED TABLE");

	/**
	 * Create a snapshot.
	 * @param objects every object by key, with its definition
	 */
	public SchemaSnapshot {
		objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
	}

	/**
	 * Read the current schema of a data source.
	 * @param dataSource the data source
	 * @return the snapshot
	 */
	public static SchemaSnapshot of(DataSource dataSource) {
		return new JdbcTemplate(dataSource).execute((ConnectionCallback<SchemaSnapshot>) SchemaSnapshot::read);
	}

	/**
	 * What changed from this snapshot to another, one line per object: {@code + } for an
	 * object only the other has, {@code - } for one only this has, {@code ~ } for one
	 * whose definition changed.
	 * @param other the later snapshot
	 * @return the differences; empty when the snapshots are equal
	 */
	public List<String> diff(SchemaSnapshot other) {
		List<String> differences = new ArrayList<>();
		Set<String> keys = new TreeSet<>(this.objects.keySet());
		keys.addAll(other.objects.keySet());
		for (String key : keys) {
			String before = this.objects.get(key);
			String after = other.objects.get(key);
			if (before == null) {
				differences.add("+ " + key + ": " + after);
			}
			else if (after == null) {
				differences.add("- " + key + ": " + before);
			}
			else if (!before.equals(after)) {
				differences.add("~ " + key + ": " + before + " -> " + after);
			}
		}
		return differences;
	}

	private static SchemaSnapshot read(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		DatabaseKind kind = DatabaseKind.from(metaData);
		boolean catalogIsSchema = kind == DatabaseKind.MARIADB || kind == DatabaseKind.MYSQL;
		String schema = catalogIsSchema ? connection.getCatalog() : connection.getSchema();
		Scope scope = new Scope(metaData, catalogIsSchema ? schema : null, catalogIsSchema ? null : schema);
		Map<String, String> objects = new TreeMap<>();
		for (String table : tables(scope, objects)) {
			columns(scope, table, objects);
			primaryKey(scope, table, objects);
			indexes(scope, table, objects);
			foreignKeys(scope, table, objects);
		}
		CheckConstraints.read(connection, kind, schema, objects);
		return new SchemaSnapshot(new TreeMap<>(objects));
	}

	private static List<String> tables(Scope scope, Map<String, String> objects) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet rows = scope.metaData.getTables(scope.catalog, scope.schema, "%", null)) {
			while (rows.next()) {
				String name = rows.getString("TABLE_NAME");
				String type = String.valueOf(rows.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
				if (isStepwiseTable(name)) {
					continue;
				}
				if (TABLE_TYPES.contains(type)) {
					objects.put("table " + name, type.endsWith("VIEW") ? "VIEW" : "TABLE");
					tables.add(name);
				}
				else if (type.equals("SEQUENCE")) {
					objects.put("sequence " + name, "SEQUENCE");
				}
			}
		}
		return tables;
	}

	private static boolean isStepwiseTable(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.equals("stepwise_history") || lower.equals("stepwise_history_lock");
	}

	private static void columns(Scope scope, String table, Map<String, String> objects) throws SQLException {
		try (ResultSet rows = scope.metaData.getColumns(scope.catalog, scope.schema, table, "%")) {
			while (rows.next()) {
				if (!table.equals(rows.getString("TABLE_NAME"))) {
					continue;
				}
				String definition = rows.getString("TYPE_NAME") + "(" + rows.getInt("COLUMN_SIZE") + ","
						+ rows.getInt("DECIMAL_DIGITS") + ")"
						+ ("NO".equals(rows.getString("IS_NULLABLE")) ? " NOT NULL" : " NULL")
						+ defaultValue(rows.getString("COLUMN_DEF"));
				objects.put("column " + table + "." + rows.getString("COLUMN_NAME"), definition);
			}
		}
	}

	private static String defaultValue(@Nullable String value) {
		return (value == null || value.equalsIgnoreCase("NULL")) ? "" : " DEFAULT " + value;
	}

	private static void primaryKey(Scope scope, String table, Map<String, String> objects) throws SQLException {
		SortedMap<Integer, String> columns = new TreeMap<>();
		try (ResultSet rows = scope.metaData.getPrimaryKeys(scope.catalog, scope.schema, table)) {
			while (rows.next()) {
				columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
			}
		}
		if (!columns.isEmpty()) {
			objects.put("primary key " + table, "(" + String.join(", ", columns.values()) + ")");
		}
	}

	private static void indexes(Scope scope, String table, Map<String, String> objects) throws SQLException {
		Map<String, SortedMap<Integer, String>> columns = new TreeMap<>();
		Map<String, Boolean> unique = new TreeMap<>();
		try (ResultSet rows = scope.metaData.getIndexInfo(scope.catalog, scope.schema, table, false, false)) {
			while (rows.next()) {
				String name = rows.getString("INDEX_NAME");
				String column = rows.getString("COLUMN_NAME");
				if (name == null || column == null) {
					continue;
				}
				columns.computeIfAbsent(name, (key) -> new TreeMap<>()).put(rows.getInt("ORDINAL_POSITION"), column);
				unique.put(name, !rows.getBoolean("NON_UNIQUE"));
			}
		}
		columns.forEach(
				(name, indexed) -> objects.merge("index " + table + "(" + String.join(", ", indexed.values()) + ")",
						unique.get(name) ? "UNIQUE" : "NOT UNIQUE", (first, second) -> first + " and " + second));
	}

	private static void foreignKeys(Scope scope, String table, Map<String, String> objects) throws SQLException {
		Map<String, SortedMap<Integer, String[]>> keys = new TreeMap<>();
		try (ResultSet rows = scope.metaData.getImportedKeys(scope.catalog, scope.schema, table)) {
			while (rows.next()) {
				String name = rows.getString("FK_NAME") + "/" + rows.getString("PKTABLE_NAME");
				keys.computeIfAbsent(name, (key) -> new TreeMap<>())
					.put(rows.getInt("KEY_SEQ"), new String[] { rows.getString("FKCOLUMN_NAME"),
							rows.getString("PKTABLE_NAME"), rows.getString("PKCOLUMN_NAME") });
			}
		}
		for (SortedMap<Integer, String[]> key : keys.values()) {
			List<String> from = key.values().stream().map((column) -> column[0]).toList();
			List<String> to = key.values().stream().map((column) -> column[2]).toList();
			String target = key.values().iterator().next()[1];
			objects.put("foreign key " + table + "(" + String.join(", ", from) + ")",
					"REFERENCES " + target + "(" + String.join(", ", to) + ")");
		}
	}

	private record Scope(DatabaseMetaData metaData, @Nullable String catalog, @Nullable String schema) {
	}

}
