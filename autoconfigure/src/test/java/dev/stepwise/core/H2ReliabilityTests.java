package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Several instances and killed processes on H2, in a file that the processes share
 * through H2's automatic mixed mode.
 */
class H2ReliabilityTests extends AbstractReliabilityTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2_FILE;
	}

	@Test
	@Override
	@Disabled("An embedded H2 connection lives inside the process that opened it: there is no server"
			+ " connection to kill apart from the process (killing processes is covered above)")
	void aMigrationWhoseConnectionIsKilledFailsClearlyAndNothingClaimsSuccess() {
	}

}
