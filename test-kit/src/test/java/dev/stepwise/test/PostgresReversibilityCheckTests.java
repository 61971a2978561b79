package dev.stepwise.test;

import dev.stepwise.testsupport.TestDatabase;

/**
 * The reversibility check on PostgreSQL.
 */
class PostgresReversibilityCheckTests extends AbstractReversibilityCheckTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
