package dev.stepwise.autoconfigure;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.api.MigrationFailedException;
import dev.stepwise.api.StepwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A whole application start: migrations applied by the runner before the application's
 * own runners, with injected beans, and a failed migration that stops the start.
 */
@ExtendWith(OutputCaptureExtension.class)
class StepwiseStartupTests {

	@Test
	void appliesMigrationsBeforeTheApplicationsRunnersWithInjectedBeans() {
		try (ConfigurableApplicationContext context = start(CatalogueApplication.class)) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("SELECT name FROM product ORDER BY id", String.class))
				.containsExactly("Kettle", "Teapot");
			assertThat(context.getBean(CatalogueApplication.class).productsSeenByRunner).isEqualTo(2);
		}
	}

	@Test
	void failedMigrationStopsTheStartWithAClearReport(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(BrokenApplication.class))
			.isInstanceOf(MigrationFailedException.class)
			.havingRootCause()
			.isInstanceOf(SQLException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migration 1 (Create broken table, " + V1__Create_broken_table.class.getName() + ") failed on H2")
			.contains("Fix the migration named above");
	}

	@Test
	void unreachableDatabaseStopsTheStartNamingItsUrlButNotThePassword(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(JdbcApplication.class)
				.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
						"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/shop?password=url-secret",
						"spring.datasource.username=app", "spring.datasource.password=property-secret")
				.run())
			.isInstanceOf(StepwiseException.class)
			.withMessageContaining("Stepwise could not connect to jdbc:postgresql://127.0.0.1:1/shop as app: ")
			.withMessageContaining("No migration was run");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("jdbc:postgresql://127.0.0.1:1/shop as app")
			.doesNotContain("url-secret")
			.doesNotContain("property-secret");
	}

	private static ConfigurableApplicationContext start(Class<?> application) {
		return new SpringApplicationBuilder(application)
			.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
					"spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.run();
	}

	/**
	 * An application with JDBC and Stepwise only, so that nothing else reaches for the
	 * database first.
	 */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class })
	static class JdbcApplication {

		@Bean
		Migration createProducts() {
			return new V1__Create_products();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CatalogueApplication {

		int productsSeenByRunner;

		@Bean
		StarterProducts starterProducts() {
			return new StarterProducts();
		}

		@Bean
		Migration createProducts() {
			return new V1__Create_products();
		}

		@Bean
		Migration addStarterProducts(StarterProducts products) {
			return new V2__Add_starter_products(products);
		}

		@Bean
		@Order(0)
		ApplicationRunner countProducts(JdbcTemplate jdbc) {
			return (args) -> this.productsSeenByRunner = jdbc.queryForObject("SELECT COUNT(*) FROM product",
					Integer.class);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BrokenApplication {

		@Bean
		Migration broken() {
			return new V1__Create_broken_table();
		}

	}

	@Service
	static class StarterProducts {

		List<String> names() {
			return List.of("Kettle", "Teapot");
		}

	}

	static class V1__Create_products implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE product (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100))");
		}

	}

	static class V2__Add_starter_products implements Migration {

		private final StarterProducts products;

		V2__Add_starter_products(StarterProducts products) {
			this.products = products;
		}

		@Override
		public void up(MigrationContext context) {
			for (String name : this.products.names()) {
				context.jdbc().update("INSERT INTO product (name) VALUES (?)", name);
			}
		}

	}

	static class V1__Create_broken_table implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE broken (id INT PRIMARY KEY, oops NOT_A_TYPE)");
		}

	}

}
