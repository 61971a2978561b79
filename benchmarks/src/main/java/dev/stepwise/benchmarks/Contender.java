package dev.stepwise.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.core.Stepwise;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration tool under test, doing the same work as the others: N migrations, each
 * {@code CREATE TABLE t_i (id bigint primary key, v text)} then
 * {@code INSERT INTO t_i VALUES (1, 'x')}, each in its own transaction.
 */
enum Contender {

	/** Plain JDBC doing the least a correct tool must. */
	FLOOR {
		@Override
		void migrate(DataSource dataSource, int migrations, Path directory) throws Exception {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				BenchmarkDatabase database = BenchmarkDatabase.of(connection.getMetaData().getURL());
				connection.setAutoCommit(true);
				statement.execute("CREATE TABLE IF NOT EXISTS floor_history (version INT PRIMARY KEY,"
						+ " applied_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
				statement.execute(database.lock());
				try {
					Set<Integer> applied = new HashSet<>();
					try (ResultSet rows = statement.executeQuery("SELECT version FROM floor_history")) {
						while (rows.next()) {
							applied.add(rows.getInt(1));
						}
					}
					for (int i = 1; i <= migrations; i++) {
						if (applied.contains(i)) {
							continue;
						}
						connection.setAutoCommit(false);
						for (String sql : statements(i)) {
							statement.execute(sql);
						}
						statement.execute("INSERT INTO floor_history (version) VALUES (" + i + ")");
						connection.commit();
						connection.setAutoCommit(true);
					}
				}
				finally {
					statement.execute(database.unlock());
				}
			}
		}
	},

	/** Stepwise's plain-Java engine with code migrations. */
	STEPWISE {
		@Override
		void migrate(DataSource dataSource, int migrations, Path directory) {
			List<Migration> list = new ArrayList<>();
			for (int i = 1; i <= migrations; i++) {
				list.add(stepwiseMigration(i));
			}
			Stepwise.builder().dataSource(dataSource).migrations(list).build().migrate();
		}
	},

	/** Flyway with Java migrations given programmatically, defaults otherwise. */
	FLYWAY {
		@Override
		void migrate(DataSource dataSource, int migrations, Path directory) {
			JavaMigration[] list = new JavaMigration[migrations];
			for (int i = 1; i <= migrations; i++) {
				list[i - 1] = flywayMigration(i);
			}
			Flyway.configure().dataSource(dataSource).javaMigrations(list).load().migrate();
		}
	},

	/** Liquibase with a generated changelog of SQL changesets. */
	LIQUIBASE {
		@Override
		void migrate(DataSource dataSource, int migrations, Path directory) throws Exception {
			Path changelog = changelog(directory, migrations);
			try (Connection connection = dataSource.getConnection()) {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				Scope.child(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(directory),
						() -> new CommandScope("update").addArgumentValue("database", database)
							.addArgumentValue("changelogFile", changelog.getFileName().toString())
							.execute());
			}
		}
	};

	abstract void migrate(DataSource dataSource, int migrations, Path directory) throws Exception;

	static List<String> statements(int i) {
		return List.of("CREATE TABLE t_" + i + " (id BIGINT PRIMARY KEY, v TEXT)",
				"INSERT INTO t_" + i + " VALUES (1, 'x')");
	}

	/**
	 * The Liquibase changelog of N migrations in a directory, written if missing.
	 */
	static Path changelog(Path directory, int migrations) throws IOException {
		Path changelog = directory.resolve("changelog-" + migrations + ".xml");
		if (!Files.exists(changelog)) {
			writeChangelog(changelog, migrations);
		}
		return changelog;
	}

	static Migration stepwiseMigration(int number) {
		return new StepwiseMigration(number);
	}

	static JavaMigration flywayMigration(int number) {
		return new FlywayMigration(number);
	}

	private static void writeChangelog(Path changelog, int migrations) throws IOException {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
				    http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
				""");
		for (int i = 1; i <= migrations; i++) {
			xml.append("  <changeSet id=\"").append(i).append("\" author=\"bench\">\n");
			for (String sql : statements(i)) {
				xml.append("    <sql>").append(sql.replace("'", "&apos;")).append("</sql>\n");
			}
			xml.append("  </changeSet>\n");
		}
		xml.append("</databaseChangeLog>\n");
		Files.writeString(changelog, xml);
	}

	private record StepwiseMigration(int number) implements Migration {

		@Override
		public void up(MigrationContext context) throws SQLException {
			try (Statement statement = context.connection().createStatement()) {
				for (String sql : statements(this.number)) {
					statement.execute(sql);
				}
			}
		}

		@Override
		public String version() {
			return String.valueOf(this.number);
		}

		@Override
		public String description() {
			return "Create t_" + this.number;
		}

	}

	private record FlywayMigration(int number) implements JavaMigration {

		@Override
		public MigrationVersion getVersion() {
			return MigrationVersion.fromVersion(String.valueOf(this.number));
		}

		@Override
		public String getDescription() {
			return "Create t_" + this.number;
		}

		@Override
		public Integer getChecksum() {
			return null;
		}

		@Override
		public boolean canExecuteInTransaction() {
			return true;
		}

		@Override
		public void migrate(Context context) throws SQLException {
			try (Statement statement = context.getConnection().createStatement()) {
				for (String sql : statements(this.number)) {
					statement.execute(sql);
				}
			}
		}

	}

}
