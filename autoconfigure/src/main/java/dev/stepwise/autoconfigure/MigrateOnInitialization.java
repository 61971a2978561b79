package dev.stepwise.autoconfigure;

import dev.stepwise.core.Stepwise;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Applies pending migrations while the context starts. Registered as a database
 * initializer, so that beans that use the database wait for it.
 */
final class MigrateOnInitialization implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(MigrateOnInitialization.class);

	private final Stepwise stepwise;

	private final @Nullable String reason;

	MigrateOnInitialization(Stepwise stepwise, @Nullable String reason) {
		this.stepwise = stepwise;
		this.reason = reason;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.reason != null) {
			logger.info("Applying migrations while the context starts (stepwise.phase=initialization) because {}"
					+ " checks the schema before application runners run", this.reason);
		}
		this.stepwise.migrate();
	}

}
