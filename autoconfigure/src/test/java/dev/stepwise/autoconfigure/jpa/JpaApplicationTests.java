package dev.stepwise.autoconfigure.jpa;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.testsupport.IsolatedSchema;
import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A JPA (Hibernate) application whose schema comes from Stepwise migrations, started as a
 * user would start it.
 */
@ExtendWith(OutputCaptureExtension.class)
class JpaApplicationTests {

	@ParameterizedTest
	@EnumSource(value = TestDatabase.class, names = { "H2", "POSTGRESQL" })
	void startsWithHibernateValidatingTheMigratedSchemaInTheInitializationPhase(TestDatabase database) {
		try (IsolatedSchema schema = database.createSchema();
				ConfigurableApplicationContext context = start(schema, "spring.jpa.hibernate.ddl-auto=validate",
						"stepwise.phase=initialization")) {
			assertThat(context.getBean(JpaApplication.class).namesSeenAtStartup).containsExactly("Kettle");
		}
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.class, names = { "H2", "POSTGRESQL" })
	void choosesTheInitializationPhaseWhenHibernateValidatesTheSchema(TestDatabase database, CapturedOutput output) {
		try (IsolatedSchema schema = database.createSchema();
				ConfigurableApplicationContext context = start(schema, "spring.jpa.hibernate.ddl-auto=validate")) {
			assertThat(context.getBean(JpaApplication.class).namesSeenAtStartup).containsExactly("Kettle");
			assertThat(output).contains("Applying migrations while the context starts (stepwise.phase=initialization)"
					+ " because spring.jpa.hibernate.ddl-auto=validate checks the schema");
		}
	}

	@Test
	void refusesTheRunnerPhaseWhenHibernateValidatesTheSchema() {
		try (IsolatedSchema schema = TestDatabase.H2.createSchema()) {
			assertThatException()
				.isThrownBy(() -> start(schema, "spring.jpa.hibernate.ddl-auto=validate", "stepwise.phase=runner"))
				.havingRootCause()
				.isInstanceOf(StepwiseException.class)
				.withMessageContaining("Set stepwise.phase=initialization");
		}
	}

	@Test
	void ownsTheSchemaOfAnEmbeddedDatabaseSoHibernateCreatesNoTables() {
		try (IsolatedSchema schema = TestDatabase.H2.createSchema();
				ConfigurableApplicationContext context = start(schema)) {
			assertThat(schema.jdbc().queryForList("SELECT outcome FROM stepwise_history", String.class))
				.containsExactly("SUCCESS");
			assertThat(context.getBean(ProductRepository.class).findAll()).extracting(Product::getName)
				.containsExactly("Kettle");
		}
	}

	private static ConfigurableApplicationContext start(IsolatedSchema schema, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.main.web-application-type=none",
				"spring.main.banner-mode=off", "spring.datasource.url=" + schema.dataSource().getJdbcUrl(),
				"spring.datasource.username=" + schema.dataSource().getUsername(),
				"spring.datasource.password=" + schema.dataSource().getPassword()));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(JpaApplication.class).properties(all.toArray(String[]::new)).run();
	}

}
