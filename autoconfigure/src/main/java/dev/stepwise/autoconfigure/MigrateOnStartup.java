package dev.stepwise.autoconfigure;

import dev.stepwise.core.Stepwise;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Applies pending migrations before every other runner. Spring Boot has reported liveness
 * {@code CORRECT} by then and reports readiness only after the runners, so a long
 * migration is neither restarted by a liveness probe nor sent traffic. A failure fails
 * the start.
 */
final class MigrateOnStartup implements ApplicationRunner, Ordered {

	private final Stepwise stepwise;

	MigrateOnStartup(Stepwise stepwise) {
		this.stepwise = stepwise;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.stepwise.migrate();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
