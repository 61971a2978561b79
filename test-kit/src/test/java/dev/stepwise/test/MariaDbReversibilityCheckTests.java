package dev.stepwise.test;

import dev.stepwise.testsupport.TestDatabase;

/**
 * The reversibility check on MariaDB.
 */
class MariaDbReversibilityCheckTests extends AbstractReversibilityCheckTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
