package dev.stepwise.autoconfigure;

import javax.sql.DataSource;

import dev.stepwise.api.Migration;
import dev.stepwise.core.MigrationListener;
import dev.stepwise.core.Stepwise;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.Assert;

/**
 * Auto-configuration for Stepwise: an engine over the application's {@link DataSource}
 * and every {@link Migration} bean, and a runner that applies pending migrations at
 * start-up.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "stepwise.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StepwiseProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class StepwiseAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Stepwise stepwise(ListableBeanFactory beans, @StepwiseDataSource ObjectProvider<DataSource> stepwiseDataSource,
			ObjectProvider<DataSource> dataSource, ObjectProvider<JdbcConnectionDetails> connectionDetails,
			ObjectProvider<Migration> migrations, ObjectProvider<MigrationListener> listeners,
			StepwiseProperties properties) {
		// listeners looked up when a migration runs: a start with nothing pending never
		// needs them, and looking for them costs a cold start a millisecond
		Stepwise.Builder builder = Stepwise.builder().listeners(() -> listeners.orderedStream().toList());
		DataSource application = dataSource.getIfUnique();
		DataSource chosen = MigrationDataSource.choose(
				MigrationDataSource.qualified(stepwiseDataSource, beans, properties), application, connectionDetails,
				properties);
		return builder.dataSource(chosen)
			.dataSourceName((chosen == application) ? MigrationDataSource.name(connectionDetails) : null)
			.initSql(properties.getInitSql())
			// run in version order: sorting the beans would cost every start a look-up of
			// each one's definition and @Order for nothing
			.migrations(migrations.stream().toList())
			.table(properties.getTable())
			.schema(properties.getSchema())
			.createSchema(properties.isCreateSchema())
			.lockTimeout(properties.getLockTimeout())
			.lockLease(properties.getLockLease())
			.target(properties.getTarget())
			.outOfOrder(properties.isOutOfOrder())
			.ignoreMissing(properties.isIgnoreMissing())
			.baselineOnMigrate(properties.isBaselineOnMigrate() ? properties.getBaselineVersion() : null)
			.build();
	}

	@Bean
	StepwiseSchemaManagementProvider stepwiseSchemaManagementProvider(ObjectProvider<DataSource> dataSource) {
		return new StepwiseSchemaManagementProvider(dataSource.getIfUnique());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "stepwise.auto-run", matchIfMissing = true)
	@Conditional(RunnerPhaseCondition.class)
	MigrateOnStartup stepwiseMigrateOnStartup(Stepwise stepwise) {
		return new MigrateOnStartup(stepwise);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "stepwise.auto-run", matchIfMissing = true)
	@Conditional(InitializationPhaseCondition.class)
	MigrateOnInitialization stepwiseMigrateOnInitialization(Stepwise stepwise, Environment environment) {
		return new MigrateOnInitialization(stepwise, StartupPhase.reasonForInitialization(environment));
	}

	@Bean
	@ConditionalOnProperty("stepwise.command")
	CommandRunner stepwiseCommandRunner(Stepwise stepwise, StepwiseProperties properties,
			ConfigurableApplicationContext context) {
		StepwiseCommand command = properties.getCommand();
		Assert.state(command != null, "stepwise.command is set");
		return new CommandRunner(stepwise, properties, command, context);
	}

	/**
	 * Matches when migrations run at start-up in one phase: when it is the phase to use
	 * and no {@code stepwise.command} replaces the normal start-up.
	 */
	abstract static class PhaseCondition extends SpringBootCondition {

		private final StartupPhase phase;

		PhaseCondition(StartupPhase phase) {
			this.phase = phase;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			if (environment.containsProperty("stepwise.command")) {
				return ConditionOutcome.noMatch("stepwise.command replaces the normal start-up");
			}
			StartupPhase chosen = StartupPhase.of(environment);
			return new ConditionOutcome(chosen == this.phase, "Stepwise start-up phase is " + chosen);
		}

	}

	/**
	 * Matches when migrations run in the {@link StartupPhase#RUNNER runner} phase.
	 */
	static final class RunnerPhaseCondition extends PhaseCondition {

		RunnerPhaseCondition() {
			super(StartupPhase.RUNNER);
		}

	}

	/**
	 * Matches when migrations run in the {@link StartupPhase#INITIALIZATION
	 * initialization} phase.
	 */
	static final class InitializationPhaseCondition extends PhaseCondition {

		InitializationPhaseCondition() {
			super(StartupPhase.INITIALIZATION);
		}

	}

}
