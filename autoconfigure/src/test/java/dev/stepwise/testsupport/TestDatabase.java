package dev.stepwise.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.api.DatabaseKind;
import org.junit.jupiter.api.Assumptions;

import org.springframework.util.FileSystemUtils;

/**
 * The databases Stepwise is tested on. Each test gets a fresh, empty schema (a database
 * on MariaDB) of its own through {@link #createSchema()}.
 * <p>
 * A server that cannot be found makes the test skipped with the reason, unless
 * {@code STEPWISE_TEST_REQUIRE} names it ({@code postgres,mariadb}), which makes it fail.
 */
public enum TestDatabase {

	/** H2 in memory, always available. */
	H2(DatabaseKind.H2, null),

	/**
	 * H2 in a file with automatic mixed mode, so that several processes share it; always
	 * available.
	 */
	H2_FILE(DatabaseKind.H2, null),

	/**
	 * SQLite in a file, always available: a database Stepwise has no special code for,
	 * migrated through the portable path.
	 */
	SQLITE(DatabaseKind.OTHER, null),

	/** PostgreSQL, from {@code STEPWISE_TEST_POSTGRES_URL} or Testcontainers. */
	POSTGRESQL(DatabaseKind.POSTGRESQL, "postgres"),

	/** MariaDB, from {@code STEPWISE_TEST_MARIADB_URL} or Testcontainers. */
	MARIADB(DatabaseKind.MARIADB, "mariadb");

	private final DatabaseKind kind;

	private final String serverName;

	TestDatabase(DatabaseKind kind, String serverName) {
		this.kind = kind;
		this.serverName = serverName;
	}

	public DatabaseKind kind() {
		return this.kind;
	}

	/**
	 * Create a fresh, empty schema for one test.
	 * @return the schema, to close when the test ends
	 */
	public IsolatedSchema createSchema() {
		String name = "sw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (this == H2) {
			return new IsolatedSchema(this.kind, name,
					dataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""), () -> {
					});
		}
		if (this == H2_FILE || this == SQLITE) {
			Path directory = temporaryDirectory(name);
			String url = (this == H2_FILE) ? "jdbc:h2:file:" + directory.resolve(name) + ";AUTO_SERVER=TRUE"
					: "jdbc:sqlite:" + directory.resolve(name + ".db");
			HikariDataSource dataSource = dataSource(url, (this == H2_FILE) ? "sa" : "", "");
			// the test's process opens the file first, so it serves the file to the
			// others
			Connection server = connect(dataSource);
			return new IsolatedSchema(this.kind, name, dataSource, () -> {
				close(server);
				FileSystemUtils.deleteRecursively(directory.toFile());
			});
		}
		DatabaseServer server = server();
		execute(server, "CREATE SCHEMA " + name);
		String url = (this == POSTGRESQL) ? withParameter(server.url(), "currentSchema=" + name)
				: withDatabase(server.url(), name);
		return new IsolatedSchema(this.kind, name, dataSource(url, server.user(), server.password()),
				() -> execute(server,
						(this == POSTGRESQL) ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name));
	}

	/**
	 * Run a statement as the server's administrator, for tests that create users.
	 * @param sql the statement
	 */
	public void executeAsAdministrator(String sql) {
		execute(server(), sql);
	}

	/**
	 * The server's own database, for tests that manage schemas themselves.
	 */
	DatabaseServer server() {
		return DatabaseServer.find(this.serverName).orElseGet(() -> {
			String reason = this.kind.displayName() + " is not available: "
					+ DatabaseServer.howToProvide(this.serverName);
			if (required()) {
				throw new IllegalStateException(reason + " (STEPWISE_TEST_REQUIRE demands it)");
			}
			Assumptions.abort(reason);
			return null;
		});
	}

	private boolean required() {
		String required = System.getenv().getOrDefault("STEPWISE_TEST_REQUIRE", "");
		return Arrays.stream(required.toLowerCase(Locale.ROOT).split(","))
			.map(String::trim)
			.anyMatch(this.serverName::equals);
	}

	private static Connection connect(HikariDataSource dataSource) {
		try {
			return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
					dataSource.getPassword());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not open " + dataSource.getJdbcUrl(), ex);
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path temporaryDirectory(String name) {
		try {
			return Files.createTempDirectory("stepwise-" + name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static HikariDataSource dataSource(String url, String user, String password) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(user);
		dataSource.setPassword(password);
		dataSource.setMaximumPoolSize(4);
		dataSource.setMinimumIdle(0);
		return dataSource;
	}

	private static void execute(DatabaseServer server, String sql) {
		try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + server.url(), ex);
		}
	}

	private static String withParameter(String url, String parameter) {
		return url + (url.contains("?") ? "&" : "?") + parameter;
	}

	private static String withDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = (query >= 0) ? url.substring(0, query) : url;
		String parameters = (query >= 0) ? url.substring(query) : "";
		int hostEnd = base.indexOf('/', base.indexOf("//") + 2);
		return ((hostEnd >= 0) ? base.substring(0, hostEnd) : base) + "/" + database + parameters;
	}

}
