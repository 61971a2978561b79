package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;

/**
 * Revert, baseline, repair and status on H2.
 */
class H2OperationsTests extends AbstractOperationsTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
