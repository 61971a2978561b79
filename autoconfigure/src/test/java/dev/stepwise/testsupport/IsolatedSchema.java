package dev.stepwise.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.api.DatabaseKind;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh schema of one test, with a pooled data source connected to it, dropped on
 * close.
 */
public final class IsolatedSchema implements AutoCloseable {

	private final DatabaseKind kind;

	private final String name;

	private final HikariDataSource dataSource;

	private final Runnable drop;

	IsolatedSchema(DatabaseKind kind, String name, HikariDataSource dataSource, Runnable drop) {
		this.kind = kind;
		this.name = name;
		this.dataSource = dataSource;
		this.drop = drop;
	}

	public DatabaseKind kind() {
		return this.kind;
	}

	public String name() {
		return this.name;
	}

	public HikariDataSource dataSource() {
		return this.dataSource;
	}

	public JdbcTemplate jdbc() {
		return new JdbcTemplate(this.dataSource);
	}

	/**
	 * Whether a table exists in this schema, whatever case the database stores names in.
	 */
	public boolean hasTable(String table) {
		return Boolean.TRUE.equals(jdbc().execute((Connection connection) -> {
			try (ResultSet tables = tablesOfThisSchema(connection.getMetaData())) {
				while (tables.next()) {
					if (table.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
						return true;
					}
				}
				return false;
			}
		}));
	}

	private ResultSet tablesOfThisSchema(DatabaseMetaData metaData) throws SQLException {
		return switch (this.kind) {
			case MARIADB, MYSQL -> metaData.getTables(this.name, null, "%", null);
			case POSTGRESQL -> metaData.getTables(null, this.name, "%", null);
			case OTHER -> metaData.getTables(null, null, "%", null);
			default -> metaData.getTables(null, "PUBLIC", "%", null);
		};
	}

	/**
	 * The rows of the history table, oldest first.
	 */
	public List<Map<String, Object>> history() {
		return jdbc().queryForList("SELECT * FROM stepwise_history ORDER BY installed_rank");
	}

	@Override
	public void close() {
		this.dataSource.close();
		this.drop.run();
	}

}
