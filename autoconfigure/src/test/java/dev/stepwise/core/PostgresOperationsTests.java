package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;

/**
 * Revert, baseline, repair and status on PostgreSQL.
 */
class PostgresOperationsTests extends AbstractOperationsTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
