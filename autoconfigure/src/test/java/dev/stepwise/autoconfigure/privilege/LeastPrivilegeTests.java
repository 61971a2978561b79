package dev.stepwise.autoconfigure.privilege;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.autoconfigure.StepwiseDataSource;
import dev.stepwise.testsupport.IsolatedSchema;
import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Migrations run as the schema owner while the application connects as a user that may
 * only read and write data, on real databases with real users.
 */
class LeastPrivilegeTests {

	private static final String OWNER_PASSWORD = "owner-Secret-1";

	private static final String APP_PASSWORD = "app-Secret-1";

	@ParameterizedTest
	@EnumSource(value = TestDatabase.class, names = { "POSTGRESQL", "MARIADB" })
	void migratesAsTheOwnerWhileTheApplicationOnlyReadsAndWrites(TestDatabase database) {
		try (Users users = new Users(database)) {
			try (ConfigurableApplicationContext context = start(users, "stepwise.user=" + users.owner,
					"stepwise.password=" + OWNER_PASSWORD)) {
				assertTheSplitIsReal(context, users);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.class, names = { "POSTGRESQL", "MARIADB" })
	void migratesWithTheDataSourceMarkedStepwiseDataSource(TestDatabase database) {
		try (Users users = new Users(database)) {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LeastPrivilegeApplication.class,
					OwnerDataSourceConfiguration.class)
				.properties(properties(users, "test.owner=" + users.owner))
				.run()) {
				assertTheSplitIsReal(context, users);
			}
		}
	}

	@Test
	void wrongMigrationPasswordStopsTheStartNamingTheUrlAndUserButNotThePassword() {
		try (Users users = new Users(TestDatabase.MARIADB)) {
			assertThatException()
				.isThrownBy(
						() -> start(users, "stepwise.user=" + users.owner, "stepwise.password=not-" + OWNER_PASSWORD))
				.havingRootCause()
				.satisfies((cause) -> assertThat(cause.getMessage()).doesNotContain(OWNER_PASSWORD));
			assertThatException()
				.isThrownBy(
						() -> start(users, "stepwise.user=" + users.owner, "stepwise.password=not-" + OWNER_PASSWORD))
				.isInstanceOf(StepwiseException.class)
				.withMessageContaining("Could not connect to jdbc:mariadb://")
				.withMessageContaining(" as " + users.owner + ": ")
				.withMessageNotContaining(OWNER_PASSWORD);
		}
	}

	@Test
	void initSqlRunsOnEveryMigrationConnectionBeforeTheLock() {
		try (IsolatedSchema schema = TestDatabase.POSTGRESQL.createSchema();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingApplication.class)
					.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
							"spring.datasource.url=" + schema.dataSource().getJdbcUrl(),
							"spring.datasource.username=" + schema.dataSource().getUsername(),
							"stepwise.init-sql=SET application_name = 'stepwise-migrations'")
					.run()) {
			assertThat(context.getBean(SettingApplication.class).seen).containsExactly("stepwise-migrations");
			String applicationName = context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT current_setting('application_name')", String.class);
			assertThat(applicationName).isNotEqualTo("stepwise-migrations");
		}
	}

	private static void assertTheSplitIsReal(ConfigurableApplicationContext context, Users users) {
		JdbcTemplate application = context.getBean(JdbcTemplate.class);
		application.update("INSERT INTO product (id, name) VALUES (1, 'Kettle')");
		assertThat(application.queryForList("SELECT name FROM product", String.class)).containsExactly("Kettle");
		assertThat(users.schema.jdbc().queryForObject("SELECT installed_by FROM stepwise_history", String.class))
			.startsWith(users.owner);
		assertThatException().isThrownBy(() -> application.execute("CREATE TABLE intruder (id INT)"))
			.havingRootCause()
			.withMessageContaining("denied");
	}

	private static ConfigurableApplicationContext start(Users users, String... properties) {
		return new SpringApplicationBuilder(LeastPrivilegeApplication.class).properties(properties(users, properties))
			.run();
	}

	private static String[] properties(Users users, String... more) {
		List<String> all = new ArrayList<>(List.of("spring.main.web-application-type=none",
				"spring.main.banner-mode=off", "spring.datasource.url=" + users.schema.dataSource().getJdbcUrl(),
				"spring.datasource.username=" + users.app, "spring.datasource.password=" + APP_PASSWORD,
				"test.app-user=" + users.app, "test.owner-password=" + OWNER_PASSWORD));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	/**
	 * A fresh schema owned by a user of its own, and an application user that may only
	 * use it; all dropped on close.
	 */
	static final class Users implements AutoCloseable {

		final TestDatabase database;

		final IsolatedSchema schema;

		final String owner;

		final String app;

		Users(TestDatabase database) {
			this.database = database;
			this.schema = database.createSchema();
			this.owner = this.schema.name() + "_owner";
			this.app = this.schema.name() + "_app";
			if (database == TestDatabase.POSTGRESQL) {
				database
					.executeAsAdministrator("CREATE ROLE " + this.owner + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
				database.executeAsAdministrator("CREATE ROLE " + this.app + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
				database.executeAsAdministrator("ALTER SCHEMA " + this.schema.name() + " OWNER TO " + this.owner);
				database.executeAsAdministrator("GRANT USAGE ON SCHEMA " + this.schema.name() + " TO " + this.app);
			}
			else {
				database.executeAsAdministrator(
						"CREATE USER '" + this.owner + "'@'%' IDENTIFIED BY '" + OWNER_PASSWORD + "'");
				database.executeAsAdministrator("GRANT ALL PRIVILEGES ON " + this.schema.name() + ".* TO '" + this.owner
						+ "'@'%' WITH GRANT OPTION");
				database
					.executeAsAdministrator("CREATE USER '" + this.app + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
			}
		}

		@Override
		public void close() {
			this.schema.close();
			if (this.database == TestDatabase.POSTGRESQL) {
				this.database.executeAsAdministrator("DROP ROLE IF EXISTS " + this.app);
				this.database.executeAsAdministrator("DROP ROLE IF EXISTS " + this.owner);
			}
			else {
				this.database.executeAsAdministrator("DROP USER IF EXISTS '" + this.app + "'@'%'");
				this.database.executeAsAdministrator("DROP USER IF EXISTS '" + this.owner + "'@'%'");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnerDataSourceConfiguration {

		@Bean
		@Primary
		DataSource applicationDataSource(@Value("${spring.datasource.url}") String url,
				@Value("${spring.datasource.username}") String user,
				@Value("${spring.datasource.password}") String password) {
			return DataSourceBuilder.create().url(url).username(user).password(password).build();
		}

		@Bean
		@StepwiseDataSource
		DataSource ownerDataSource(@Value("${spring.datasource.url}") String url, @Value("${test.owner}") String owner,
				@Value("${test.owner-password}") String password) {
			return DataSourceBuilder.create().url(url).username(owner).password(password).build();
		}

	}

}
