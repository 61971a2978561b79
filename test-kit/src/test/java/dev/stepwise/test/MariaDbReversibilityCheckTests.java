package dev.stepwise.test;

import dev.stepwise.testsupport.TestDatabase;

/**
 * The reversibility check on MariaDB.
 */
class MariaDbReversibilityCheckTests extends AbstractReversibilityCheckTests {

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
