package dev.stepwise.autoconfigure;

import java.io.PrintStream;
import java.util.Locale;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.autoconfigure.StepwiseProperties.Output;
import dev.stepwise.core.MigrationStatus;
import dev.stepwise.core.Stepwise;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Runs the one operation that {@code stepwise.command} names instead of the normal
 * start-up, prints its result, and exits the application with a meaningful exit code, so
 * that it can run as a deployment job or an init container.
 */
final class CommandRunner implements ApplicationRunner, Ordered {

	/** The operation succeeded. */
	static final int SUCCESS = 0;

	/** The operation failed or was refused. */
	static final int FAILED = 1;

	/** Validate found something pending, failed, missing or out of order. */
	static final int NOT_VALID = 2;

	private final Stepwise stepwise;

	private final StepwiseProperties properties;

	private final StepwiseCommand command;

	private final ConfigurableApplicationContext context;

	CommandRunner(Stepwise stepwise, StepwiseProperties properties, StepwiseCommand command,
			ConfigurableApplicationContext context) {
		this.stepwise = stepwise;
		this.properties = properties;
		this.command = command;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int exitCode = execute(System.out, System.err);
		System.exit(SpringApplication.exit(this.context, () -> exitCode));
	}

	/**
	 * Run the operation, print its result, and say what the exit code should be.
	 */
	int execute(PrintStream out, PrintStream err) {
		CommandReport report = (this.properties.getOutput() == Output.JSON) ? new JsonReport(out) : new TextReport(out);
		try {
			switch (this.command) {
				case STATUS -> report.status(this.stepwise.status());
				case VALIDATE -> {
					MigrationStatus status = this.stepwise.status();
					report.validation(status);
					return status.isUpToDate() ? SUCCESS : NOT_VALID;
				}
				case MIGRATE -> report.migrated(this.stepwise.migrate());
				case REVERT -> report.reverted(
						(this.properties.getTarget() != null) ? this.stepwise.revertTo(this.properties.getTarget())
								: this.stepwise.revert(this.properties.getSteps()));
				case REPAIR -> report.repaired(this.stepwise.repair(this.properties.getRepairResolution()));
				case BASELINE -> {
					this.stepwise.baseline(this.properties.getBaselineVersion());
					report.baselined(this.properties.getBaselineVersion());
				}
			}
			return SUCCESS;
		}
		catch (StepwiseException ex) {
			err.println("Stepwise " + this.command.name().toLowerCase(Locale.ROOT) + " failed: " + ex.getMessage());
			return FAILED;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
