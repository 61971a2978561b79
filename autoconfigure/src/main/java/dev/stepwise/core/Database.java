package dev.stepwise.core;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
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
 */
record Database(DataSource dataSource, DatabaseKind kind, Dialect dialect, @Nullable String schema,
		boolean schemaConfigured, String user) {

	static Database inspect(DataSource dataSource, @Nullable String configuredSchema) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			DatabaseKind kind = DatabaseKind.from(metaData);
			Dialect dialect = Dialect.of(kind);
			String schema = (configuredSchema != null) ? configuredSchema : dialect.currentSchema(connection);
			String user = String.valueOf(metaData.getUserName());
			return new Database(dataSource, kind, dialect, schema, configuredSchema != null, user);
		}
		catch (SQLException ex) {
			throw new StepwiseException(Code.DATABASE_ERROR,
					"Stepwise could not connect to the database: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The name of a table as SQL should write it: qualified by the schema when one was
	 * configured, so that it does not depend on the connection's search path.
	 */
	String qualify(String table) {
		return this.schemaConfigured ? this.schema + "." + table : table;
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
				statement.execute("CREATE SCHEMA " + this.schema);
			}
		}
		catch (SQLException ex) {
			throw new StepwiseException(Code.DATABASE_ERROR,
					"Stepwise could not check or create schema " + this.schema + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the schema holds tables other than the history table and its lock table.
	 */
	boolean hasTablesOtherThan(String historyTable) {
		Set<String> ignored = Set.of(historyTable.toLowerCase(Locale.ROOT),
				historyTable.toLowerCase(Locale.ROOT) + "_lock");
		try (Connection connection = this.dataSource.getConnection()) {
			return this.dialect.hasTablesOtherThan(connection, this.schema, ignored);
		}
		catch (SQLException ex) {
			throw new StepwiseException(Code.DATABASE_ERROR, "Stepwise could not list the tables of " + describe()
					+ ": " + ex.getMessage() + ". Nothing was changed.", ex);
		}
	}

	/**
	 * Where the history lives, for messages: {@code PostgreSQL schema public}.
	 */
	String describe() {
		return this.kind.displayName() + ((this.schema != null) ? " schema " + this.schema : "");
	}

}
