package dev.stepwise.autoconfigure;

import javax.sql.DataSource;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.core.ExecutedMigration;
import dev.stepwise.core.MigrationResult;
import dev.stepwise.core.RepairResolution;
import dev.stepwise.core.Stepwise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StepwiseAutoConfiguration}, on an embedded H2 database.
 */
class StepwiseAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class));

	@Test
	void backsOffWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Stepwise.class));
	}

	@Test
	void backsOffWhenNoDataSourceCanBeCreated() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.h2", "com.zaxxer.hikari"))
			.run((context) -> assertThat(context).doesNotHaveBean(Stepwise.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("stepwise.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Stepwise.class)
				.doesNotHaveBean(MigrateOnStartup.class));
	}

	@Test
	void createsTheEngineAndTheStartupRunnerByDefault() {
		this.contextRunner
			.run((context) -> assertThat(context).hasSingleBean(Stepwise.class).hasSingleBean(MigrateOnStartup.class));
	}

	@Test
	void leavesTheDatabaseAloneAtStartupWhenAutoRunIsOff() {
		this.contextRunner.withPropertyValues("stepwise.auto-run=false")
			.run((context) -> assertThat(context).hasSingleBean(Stepwise.class)
				.doesNotHaveBean(MigrateOnStartup.class));
	}

	@Test
	void runsTheCommandInsteadOfTheNormalStartupWhenOneIsGiven() {
		this.contextRunner.withPropertyValues("stepwise.command=status", "stepwise.output=json").run((context) -> {
			assertThat(context).hasSingleBean(CommandRunner.class).doesNotHaveBean(MigrateOnStartup.class);
			assertThat(context.getBean(StepwiseProperties.class).getOutput()).isEqualTo(StepwiseProperties.Output.JSON);
		});
	}

	@Test
	void bindsTheRepairResolutionAsWrittenOnTheCommandLine() {
		this.contextRunner.withPropertyValues("stepwise.repair-resolution=not-applied")
			.run((context) -> assertThat(context.getBean(StepwiseProperties.class).getRepairResolution())
				.isEqualTo(RepairResolution.NOT_APPLIED));
	}

	@Test
	void appliesMigrationsWhileTheContextStartsInTheInitializationPhase() {
		this.contextRunner.withPropertyValues("stepwise.phase=initialization")
			.run((context) -> assertThat(context).hasSingleBean(MigrateOnInitialization.class)
				.doesNotHaveBean(MigrateOnStartup.class));
	}

	@Test
	void choosesTheInitializationPhaseWhenHibernateValidatesTheSchema() {
		this.contextRunner.withPropertyValues("spring.jpa.properties.hibernate.hbm2ddl.auto=validate")
			.run((context) -> assertThat(context).hasSingleBean(MigrateOnInitialization.class)
				.doesNotHaveBean(MigrateOnStartup.class));
	}

	@Test
	void tellsSpringBootThatItManagesTheSchemaOfItsDataSource() {
		this.contextRunner.run((context) -> assertThat(context.getBean(StepwiseSchemaManagementProvider.class)
			.getSchemaManagement(context.getBean(DataSource.class))).isEqualTo(SchemaManagement.MANAGED));
	}

	@Test
	void backsOffForAUserDefinedEngine() {
		this.contextRunner.withUserConfiguration(UserEngineConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(Stepwise.class)
				.getBean(Stepwise.class)
				.isSameAs(context.getBean(UserEngineConfiguration.class).engine));
	}

	@Test
	void appliesEveryMigrationBeanWithTheBoundProperties() {
		this.contextRunner.withUserConfiguration(MigrationsConfiguration.class)
			.withPropertyValues("stepwise.table=app_history", "stepwise.target=1")
			.run((context) -> {
				MigrationResult result = context.getBean(Stepwise.class).migrate();
				assertThat(result.applied()).hasSize(1);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("SELECT version FROM app_history", String.class)).containsExactly("1");
			});
	}

	@Test
	void appliesMigrationsInVersionOrderWhateverTheOrderOfTheirBeans() {
		this.contextRunner.withUserConfiguration(ReversedMigrationsConfiguration.class).run((context) -> {
			MigrationResult result = context.getBean(Stepwise.class).migrate();
			assertThat(result.applied()).extracting(ExecutedMigration::version).containsExactly("1", "2");
		});
	}

	@Test
	void migratesWithASoleDataSourceMarkedStepwiseDataSourceEvenWhenAUserIsConfigured() {
		this.contextRunner.withUserConfiguration(MarkedDataSourceConfiguration.class, MigrationsConfiguration.class)
			.withPropertyValues("stepwise.user=owner")
			.run((context) -> {
				assertThat(context.getBean(Stepwise.class).migrate().applied()).hasSize(2);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("SELECT version FROM stepwise_history", String.class)).containsExactly("1",
						"2");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "table=bad-name", "table=history;DROP TABLE products", "table=it's", "schema=\"quoted\"",
			"schema=two words", "schema=public.history", "table=9lives", "table=histoire_é",
			"table=fifty_nine_characters_are_one_too_many_for_a_table_name_xyz" })
	void failsToStartOnATableOrSchemaNameThatIsNotAPlainIdentifier(String property) {
		String name = property.substring(property.indexOf('=') + 1);
		this.contextRunner.withPropertyValues("stepwise." + property)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'" + name + "' must be an unquoted SQL identifier"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEngineConfiguration {

		final Stepwise engine = Stepwise.builder()
			.dataSource(new org.springframework.jdbc.datasource.SimpleDriverDataSource())
			.build();

		@Bean
		Stepwise userEngine() {
			return this.engine;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MarkedDataSourceConfiguration {

		@Bean
		@StepwiseDataSource
		DataSource migrationDataSource() {
			return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:marked;DB_CLOSE_DELAY=-1", "sa", "");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationsConfiguration {

		@Bean
		Migration first() {
			return new V1__Create_customer();
		}

		@Bean
		Migration second() {
			return new V2__Add_email();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReversedMigrationsConfiguration {

		@Bean
		@Order(1)
		Migration second() {
			return new V2__Add_email();
		}

		@Bean
		@Order(2)
		Migration first() {
			return new V1__Create_customer();
		}

	}

	static class V1__Create_customer implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE customer (id INT PRIMARY KEY)");
		}

	}

	static class V2__Add_email implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE customer ADD COLUMN email VARCHAR(200)");
		}

	}

}
