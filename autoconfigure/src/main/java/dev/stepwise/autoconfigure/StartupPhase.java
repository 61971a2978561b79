package dev.stepwise.autoconfigure;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * When pending migrations are applied as the application starts.
 */
public enum StartupPhase {

	/**
	 * In an {@code ApplicationRunner} that runs before every other runner: the web server
	 * is up and liveness is {@code CORRECT}, while readiness refuses traffic until the
	 * migrations are done, so a long migration is neither restarted nor sent requests.
	 * Beans that read the schema while the context starts would see it unmigrated.
	 */
	RUNNER,

	/**
	 * While the context starts, before the beans that use the database (JPA's
	 * {@code EntityManagerFactory}, {@code JdbcTemplate} users and
	 * {@code @DependsOnDatabaseInitialization} beans) are created. Required when
	 * Hibernate validates the schema.
	 */
	INITIALIZATION;

	private static final String PHASE = "stepwise.phase";

	/**
	 * The phase to use: the configured one, or {@link #INITIALIZATION} when Hibernate
	 * validates the schema and {@link #RUNNER} otherwise.
	 * @throws StepwiseException if {@code runner} is configured while Hibernate validates
	 * the schema, which could only fail
	 */
	static StartupPhase of(Environment environment) {
		StartupPhase configured = Binder.get(environment).bind(PHASE, StartupPhase.class).orElse(null);
		String validation = hibernateSchemaValidation(environment);
		if (configured == RUNNER && validation != null) {
			throw new StepwiseException(Code.INVALID_CONFIGURATION, "stepwise.phase=runner applies migrations after"
					+ " the context has started, but " + validation
					+ " makes Hibernate check the schema while the context starts, before any migration has run. Set"
					+ " stepwise.phase=initialization (or remove stepwise.phase to let Stepwise choose it).");
		}
		if (configured != null) {
			return configured;
		}
		return (validation != null) ? INITIALIZATION : RUNNER;
	}

	/**
	 * Why the automatic choice is {@link #INITIALIZATION}, if it is.
	 */
	static @Nullable String reasonForInitialization(Environment environment) {
		return (environment.getProperty(PHASE) == null) ? hibernateSchemaValidation(environment) : null;
	}

	private static @Nullable String hibernateSchemaValidation(Environment environment) {
		for (String property : new String[] { "spring.jpa.hibernate.ddl-auto",
				"spring.jpa.properties.hibernate.hbm2ddl.auto" }) {
			if ("validate".equalsIgnoreCase(environment.getProperty(property))) {
				return property + "=validate";
			}
		}
		return null;
	}

}
