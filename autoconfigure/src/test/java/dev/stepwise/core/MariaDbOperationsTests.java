package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;

/**
 * Revert, baseline, repair and status on MariaDB.
 */
class MariaDbOperationsTests extends AbstractOperationsTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
