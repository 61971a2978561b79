package dev.stepwise.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link MigrateOnInitialization} initializes the database, so
 * that beans that depend on database initialization are created after it. Only the
 * initialization phase claims this: a runner created early has not run yet.
 */
final class MigrateOnInitializationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrateOnInitialization.class);
	}

}
