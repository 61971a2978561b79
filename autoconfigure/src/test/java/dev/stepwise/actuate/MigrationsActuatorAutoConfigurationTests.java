package dev.stepwise.actuate;

import dev.stepwise.autoconfigure.StepwiseAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the conditions of the endpoint, health and metrics auto-configurations.
 */
class MigrationsActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class,
				ObservationAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
				MigrationsHealthAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class));

	@Test
	void endpointExistsWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void healthIndicatorIsPresentByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(MigrationsHealthIndicator.class));
	}

	@Test
	void healthIndicatorIsAbsentWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void migrationsAreObservedWhenThereIsAnObservationRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(MigrationObservations.class));
	}

	@Test
	void nothingNeedsAnEngineWhenStepwiseIsDisabled() {
		this.contextRunner
			.withPropertyValues("stepwise.enabled=false", "management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationsEndpoint.class)
				.doesNotHaveBean(MigrationsHealthIndicator.class));
	}

}
