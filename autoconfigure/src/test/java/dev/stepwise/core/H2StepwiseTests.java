package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;

/**
 * The engine's behaviour on H2.
 */
class H2StepwiseTests extends AbstractStepwiseTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
