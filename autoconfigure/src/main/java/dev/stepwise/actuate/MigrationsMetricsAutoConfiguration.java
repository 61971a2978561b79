package dev.stepwise.actuate;

import dev.stepwise.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.core.Stepwise;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration for migration metrics: an observation of each migration step (a
 * {@code stepwise.migrations} timer, and a span with tracing) and a
 * {@code stepwise.migrations.pending} gauge.
 */
@AutoConfiguration(after = StepwiseAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
public final class MigrationsMetricsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	@ConditionalOnBean(ObservationRegistry.class)
	static final class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationObservations migrationObservations(ObservationRegistry registry) {
			return new MigrationObservations(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	@ConditionalOnBean(Stepwise.class)
	static final class PendingGaugeConfiguration {

		@Bean
		MeterBinder stepwisePendingMigrations(Stepwise stepwise) {
			return (registry) -> Gauge
				.builder("stepwise.migrations.pending", stepwise, (engine) -> engine.status().pendingCount())
				.description("Migrations that a migrate would apply")
				.register(registry);
		}

	}

}
