package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;

/**
 * Several instances and killed processes on MariaDB.
 */
class MariaDbReliabilityTests extends AbstractReliabilityTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
