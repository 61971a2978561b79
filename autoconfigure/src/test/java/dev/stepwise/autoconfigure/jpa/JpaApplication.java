package dev.stepwise.autoconfigure.jpa;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A JPA application whose tables come from Stepwise migrations, with a runner that reads
 * them through a repository.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class JpaApplication {

	final List<String> namesSeenAtStartup = new ArrayList<>();

	@Bean
	Migration createProducts() {
		return new V1__Create_products();
	}

	@Bean
	CommandLineRunner readProducts(ProductRepository products) {
		return (args) -> products.findAll().forEach((product) -> this.namesSeenAtStartup.add(product.getName()));
	}

	static class V1__Create_products implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE product (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL)");
			context.jdbc().update("INSERT INTO product (id, name) VALUES (1, 'Kettle')");
		}

	}

}
