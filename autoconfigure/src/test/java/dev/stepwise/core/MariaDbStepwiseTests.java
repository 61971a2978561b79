package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;

/**
 * The engine's behaviour on MariaDB.
 */
class MariaDbStepwiseTests extends AbstractStepwiseTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
