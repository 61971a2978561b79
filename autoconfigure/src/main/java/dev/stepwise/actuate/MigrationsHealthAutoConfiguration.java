package dev.stepwise.actuate;

import dev.stepwise.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.autoconfigure.StepwiseProperties;
import dev.stepwise.core.Stepwise;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@link MigrationsHealthIndicator}: present only with Spring
 * Boot's health support, an engine, and {@code management.health.migrations.enabled} not
 * false.
 */
@AutoConfiguration(after = StepwiseAutoConfiguration.class)
@ConditionalOnClass(AbstractHealthIndicator.class)
@ConditionalOnBean(Stepwise.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	MigrationsHealthIndicator migrationsHealthIndicator(Stepwise stepwise, StepwiseProperties properties) {
		return new MigrationsHealthIndicator(stepwise, new Status(properties.getHealth().getPendingStatus()));
	}

}
