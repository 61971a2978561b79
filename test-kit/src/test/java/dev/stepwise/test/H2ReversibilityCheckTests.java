package dev.stepwise.test;

import dev.stepwise.testsupport.TestDatabase;

/**
 * The reversibility check on H2.
 */
class H2ReversibilityCheckTests extends AbstractReversibilityCheckTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
