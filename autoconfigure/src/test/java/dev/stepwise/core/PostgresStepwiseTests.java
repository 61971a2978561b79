package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;

/**
 * The engine's behaviour on PostgreSQL.
 */
class PostgresStepwiseTests extends AbstractStepwiseTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
