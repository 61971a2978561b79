package dev.stepwise.sample;

import java.util.stream.Stream;

import dev.stepwise.test.ReversibilityCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Every migration of the sample application reverses cleanly: checked with the Stepwise
 * test kit on a fresh in-memory database, left unmigrated at start-up.
 */
@SpringBootTest(
		properties = { "spring.datasource.url=jdbc:h2:mem:reversibility;DB_CLOSE_DELAY=-1", "stepwise.auto-run=false" })
class SampleMigrationsReverseCleanlyTests {

	@Autowired
	private ApplicationContext context;

	@TestFactory
	Stream<DynamicTest> everyMigrationReversesCleanly() {
		return ReversibilityCheck.of(this.context).dynamicTests();
	}

}
