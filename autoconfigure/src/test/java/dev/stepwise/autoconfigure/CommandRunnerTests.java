package dev.stepwise.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.autoconfigure.StepwiseProperties.Output;
import dev.stepwise.core.Stepwise;
import dev.stepwise.testsupport.IsolatedSchema;
import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CommandRunner}: what each command prints and the exit code it asks
 * for, on H2.
 */
class CommandRunnerTests {

	private final IsolatedSchema schema = TestDatabase.H2.createSchema();

	private final StepwiseProperties properties = new StepwiseProperties();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@AfterEach
	void dropSchema() {
		this.schema.close();
	}

	@Test
	void statusPrintsATableOfEveryMigration() {
		assertThat(run(StepwiseCommand.MIGRATE)).isEqualTo(CommandRunner.SUCCESS);
		this.out.reset();
		assertThat(run(StepwiseCommand.STATUS)).isEqualTo(CommandRunner.SUCCESS);
		assertThat(output()).containsPattern("Version\\s+State\\s+Description\\s+Installed on\\s+Time")
			.containsPattern("1\\s+APPLIED\\s+Create table\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+\\d+ ms")
			.contains("Current version: 2 (2 applied, 0 pending, 0 failed)");
	}

	@Test
	void validateExitsWithTwoWhileMigrationsArePendingAndZeroAfter() {
		assertThat(run(StepwiseCommand.VALIDATE)).isEqualTo(CommandRunner.NOT_VALID);
		assertThat(output()).containsPattern("2\\s+PENDING\\s+Add column").contains("Validation failed");
		run(StepwiseCommand.MIGRATE);
		assertThat(run(StepwiseCommand.VALIDATE)).isEqualTo(CommandRunner.SUCCESS);
		assertThat(output()).contains("Validation passed");
	}

	@Test
	void migratePrintsWhatItApplied() {
		assertThat(run(StepwiseCommand.MIGRATE)).isEqualTo(CommandRunner.SUCCESS);
		assertThat(output()).containsPattern("Applied 1 \\(Create table\\) in \\d+ ms")
			.containsPattern("Applied 2 \\(Add column\\) in \\d+ ms")
			.contains("Current version: 2");
	}

	@Test
	void revertRevertsTheConfiguredNumberOfSteps() {
		run(StepwiseCommand.MIGRATE);
		this.properties.setSteps(2);
		assertThat(run(StepwiseCommand.REVERT)).isEqualTo(CommandRunner.SUCCESS);
		assertThat(output()).contains("Reverted 2 (Add column)")
			.contains("Reverted 1 (Create table)")
			.contains("Current version: none");
		assertThat(this.schema.hasTable("customer")).isFalse();
	}

	@Test
	void refusedOperationExitsWithOneAndSaysWhy() {
		assertThat(run(StepwiseCommand.REPAIR)).isEqualTo(CommandRunner.FAILED);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Stepwise repair failed: Nothing to repair");
	}

	@Test
	void baselineRecordsTheConfiguredVersion() {
		this.properties.setBaselineVersion("1");
		assertThat(run(StepwiseCommand.BASELINE)).isEqualTo(CommandRunner.SUCCESS);
		assertThat(output()).contains("Baselined at version 1");
		run(StepwiseCommand.STATUS);
		assertThat(output()).containsPattern("1\\s+BASELINE").containsPattern("2\\s+PENDING");
	}

	@Test
	void jsonOutputIsOneDocument() {
		this.properties.setOutput(Output.JSON);
		run(StepwiseCommand.MIGRATE);
		this.out.reset();
		run(StepwiseCommand.STATUS);
		assertThat(output().trim()).startsWith("{\"currentVersion\":\"2\",\"applied\":2,\"pending\":0,\"failed\":0,")
			.contains("{\"version\":\"1\",\"description\":\"Create table\",\"state\":\"APPLIED\",\"className\":\""
					+ V1__Create_table.class.getName() + "\",\"transactional\":true,\"reversible\":true,")
			.endsWith("}]}");
	}

	private int run(StepwiseCommand command) {
		Stepwise stepwise = Stepwise.builder()
			.dataSource(this.schema.dataSource())
			.migrations(new V1__Create_table(), new V2__Add_column())
			.build();
		return new CommandRunner(stepwise, this.properties, command, null).execute(
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	static class V1__Create_table implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE customer (id INT PRIMARY KEY)");
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().execute("DROP TABLE customer");
		}

	}

	static class V2__Add_column implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE customer ADD COLUMN email VARCHAR(100)");
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE customer DROP COLUMN email");
		}

	}

}
