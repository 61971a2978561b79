package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;

/**
 * Several instances and killed processes on PostgreSQL.
 */
class PostgresReliabilityTests extends AbstractReliabilityTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
