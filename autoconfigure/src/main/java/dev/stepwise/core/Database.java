package dev.stepwise.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import dev.stepwise.api.DatabaseKind;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.jspecify.annotations.Nullable;

/**
 * The database being migrated, inspected once per run: its kind, the dialect that speaks
 * to it, the schema that holds the history and the user that connects.
 *
 * @param dataSource where connections come from
 * @param kind the kind of database
 * @param dialect the SQL that differs for this kind
 * @param schema the configured schema, or the connection's current one
 * @param schemaConfigured whether the schema was configured (and so must qualify names)
 * @param user the database user, recorded as who applied each migration
 * @param identifiers how the database stores and quotes names
 */
record Database(DataSource dataSource, DatabaseKind kind, Dialect dialect, @Nullable String schema,
		boolean schemaConfigured, String user, Identifiers identifiers) {

	static Database inspect(DataSource dataSource, @Nullable String configuredSchema) {
		return inspect(dataSource, configuredSchema, null);
	}

	/**
	 * Inspect the database a data source connects to, on a connection of its own.
	 * @param dataSourceName how to name the database if no connection can be opened
	 */
	static Database inspect(DataSource dataSource, @Nullable String configuredSchema, @Nullable String dataSourceName) {
		try (SharedConnectionDataSource connection = connect(dataSource, dataSourceName)) {
			return inspect(dataSource, connection, configuredSchema, dataSourceName);
		}
	}

	/**
	 * Open a connection of a data source to inspect the database on, and to read what
	 * else needs no lock on the same connection.
	 * @param dataSourceName how to name the database if no connection can be opened
	 */
	static SharedConnectionDataSource connect(DataSource dataSource, @Nullable String dataSourceName) {
		try {
			return new SharedConnectionDataSource(dataSource.getConnection());
		}
		catch (SQLException ex) {
			throw connectionFailure(dataSourceName, ex);
		}
	}

	/**
	 * Inspect the database on an open connection of a data source.
	 * @param dataSourceName how to name the database if it cannot be inspected
	 * @return the database, reached through the data source
	 */
	static Database inspect(DataSource dataSource, SharedConnectionDataSource connection,
			@Nullable String configuredSchema, @Nullable String dataSourceName) {
		try {
			DatabaseMetaData metaData = Dialect.metaData(connection.connection());
			DatabaseKind kind = DatabaseKind.from(metaData);
			Dialect dialect = Dialect.of(kind);
			String schema = (configuredSchema != null) ? configuredSchema
					: dialect.currentSchema(connection.connection());
			String user = (metaData.getUserName() != null) ? metaData.getUserName() : System.getProperty("user.name");
			return new Database(dataSource, kind, dialect, schema, configuredSchema != null, user,
					Identifiers.of(metaData));
		}
		catch (SQLException ex) {
			throw connectionFailure(dataSourceName, ex);
		}
	}

	private static StepwiseException connectionFailure(@Nullable String dataSourceName, SQLException ex) {
		return new StepwiseException(Code.DATABASE_ERROR,
				"Stepwise could not connect to " + ((dataSourceName != null) ? dataSourceName : "the database") + ": "
						+ String.valueOf(ex.getMessage()).replaceFirst("\\.$", "") + ". No migration was run.",
				ex);
	}

	/**
	 * The name of a table as SQL should write it: quoted, and qualified by the schema
	 * when one was configured, so that it does not depend on the connection's search
	 * path.
	 */
	String qualify(String table) {
		String quoted = this.identifiers.quoted(table);
		return (this.schemaConfigured && this.schema != null) ? this.identifiers.quoted(this.schema) + "." + quoted
				: quoted;
	}

	/**
	 * Make sure a configured schema exists, creating it when allowed.
	 * @throws StepwiseException if it does not exist and may not be created
	 */
	void ensureSchema(boolean create) {
		if (!this.schemaConfigured || this.schema == null) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			if (this.dialect.schemaExists(connection, this.schema)) {
				return;
			}
			if (!create) {
				throw new StepwiseException(Code.INVALID_CONFIGURATION,
						"Schema " + this.schema + " does not exist on " + this.kind.displayName()
								+ ". Create it, or set stepwise.create-schema=true to let Stepwise"
								+ " create it. Nothing was changed.");
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA " + this.identifiers.quoted(this.schema));
			}
		}
		catch (SQLFeatureNotSupportedException ex) {
			throw new StepwiseException(Code.INVALID_CONFIGURATION,
					"Schema " + this.schema + " cannot be used on " + this.kind.displayName()
							+ ": its JDBC driver does not support schemas. Leave stepwise.schema"
							+ " unset to keep the history where the connection points. Nothing was changed.",
					ex);
		}
		catch (SQLException ex) {
			throw new StepwiseException(Code.DATABASE_ERROR, "Stepwise could not check or create schema " + this.schema
					+ " on " + this.kind.displayName() + ": " + ex + ". Nothing was changed.", ex);
		}
	}

	/**
	 * Whether the schema holds tables other than Stepwise's own: the history table and
	 * its lock and format tables.
	 */
	boolean hasTablesOtherThan(String historyTable) {
		String history = historyTable.toLowerCase(Locale.ROOT);
		Set<String> ignored = Set.of(history, history + "_lock", history + Dialect.FORMAT_TABLE_SUFFIX);
		try {
			return new SqlRunner(this.dataSource)
				.run((connection) -> this.dialect.hasTablesOtherThan(connection, this.schema, ignored));
		}
		catch (RuntimeException ex) {
			throw SqlFailures.explain(ex, "list the tables of " + describe(), "Nothing was changed.");
		}
	}

	/**
	 * The same database, reached through another data source: the lock's session.
	 */
	Database on(DataSource session) {
		return new Database(session, this.kind, this.dialect, this.schema, this.schemaConfigured, this.user,
				this.identifiers);
	}

	/**
	 * Where the history lives, for messages: {@code PostgreSQL schema public}.
	 */
	String describe() {
		return this.kind.displayName() + ((this.schema != null) ? " schema " + this.schema : "");
	}

}
