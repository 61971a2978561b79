package dev.stepwise.actuate;

import dev.stepwise.autoconfigure.StepwiseAutoConfiguration;
import dev.stepwise.core.Stepwise;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@link MigrationsEndpoint}: present only with Actuator, an
 * engine, and the endpoint available under Spring Boot's usual exposure rules.
 */
@AutoConfiguration(after = StepwiseAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(Stepwise.class)
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(Stepwise stepwise) {
		return new MigrationsEndpoint(stepwise);
	}

}
