package dev.stepwise.testsupport;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where a test finds a PostgreSQL or MariaDB server: the one named by
 * {@code STEPWISE_TEST_<NAME>_URL} (with {@code _USER} and {@code _PASSWORD}) if set,
 * otherwise a Testcontainers container when Docker is available. One container per server
 * is shared by the whole test run.
 *
 * @param url the JDBC URL of a database on the server
 * @param user a user that may create and drop schemas or databases
 * @param password the user's password
 */
record DatabaseServer(String url, String user, String password) {

	private static final Map<String, Optional<DatabaseServer>> servers = new ConcurrentHashMap<>();

	static Optional<DatabaseServer> find(String name) {
		return servers.computeIfAbsent(name, DatabaseServer::locate);
	}

	/**
	 * How a missing server was looked for, for a skip or failure message.
	 */
	static String howToProvide(String name) {
		String variable = "STEPWISE_TEST_" + name.toUpperCase(Locale.ROOT);
		return "set " + variable + "_URL (with " + variable + "_USER and " + variable
				+ "_PASSWORD) or make Docker available for Testcontainers";
	}

	private static Optional<DatabaseServer> locate(String name) {
		String variable = "STEPWISE_TEST_" + name.toUpperCase(Locale.ROOT);
		String url = System.getenv(variable + "_URL");
		if (url != null && !url.isBlank()) {
			return Optional.of(new DatabaseServer(url, System.getenv().getOrDefault(variable + "_USER", ""),
					System.getenv().getOrDefault(variable + "_PASSWORD", "")));
		}
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			return Optional.empty();
		}
		JdbcDatabaseContainer<?> container = switch (name) {
			case "postgres" -> new PostgreSQLContainer("postgres:17-alpine");
			case "mariadb" -> new MariaDBContainer("mariadb:11.4").withUsername("root").withPassword("stepwise");
			default -> throw new IllegalArgumentException("No container for " + name);
		};
		container.start();
		return Optional
			.of(new DatabaseServer(container.getJdbcUrl(), container.getUsername(), container.getPassword()));
	}

}
