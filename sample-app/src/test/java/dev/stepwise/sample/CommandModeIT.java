package dev.stepwise.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command mode as a deployment job uses it: the packaged sample application launched as a
 * process with {@code --stepwise.command=...}, judged by what it prints and its exit
 * code.
 */
class CommandModeIT {

	@TempDir
	Path directory;

	@Test
	void commandsPrintTheirResultAndExitWithMeaningfulCodes() throws Exception {
		Run validate = run("--stepwise.command=validate");
		assertThat(validate.exitCode()).isEqualTo(2);
		assertThat(validate.output()).containsPattern("1\\s+PENDING\\s+Create categories")
			.contains("Validation failed");

		Run migrate = run("--stepwise.command=migrate", "--stepwise.target=6");
		assertThat(migrate.exitCode()).isZero();
		assertThat(migrate.output()).contains("Applied 6 (Require positive prices)").contains("Current version: 6");

		Run revert = run("--stepwise.command=revert");
		assertThat(revert.exitCode()).isZero();
		assertThat(revert.output()).contains("Reverted 6 (Require positive prices)").contains("Current version: 5");

		assertThat(run("--stepwise.command=migrate").output()).contains("Applied 7 (Tidy product names)");
		assertThat(run("--stepwise.command=validate").exitCode()).isZero();

		Run status = run("--stepwise.command=status", "--stepwise.output=json");
		assertThat(status.exitCode()).isZero();
		assertThat(status.output()).startsWith("{\"currentVersion\":\"7\",\"applied\":7,\"pending\":0,\"failed\":0,")
			.contains("\"version\":\"6\",\"description\":\"Require positive prices\",\"state\":\"APPLIED\"");
	}

	@Test
	void revertAcrossTheIrreversibleMigrationIsRefused() throws Exception {
		run("--stepwise.command=migrate");
		Run revert = run("--stepwise.command=revert");
		assertThat(revert.exitCode()).isOne();
		assertThat(revert.output()).contains("Stepwise revert failed: Cannot revert migration 7 (Tidy product names")
			.contains("irreversible");
	}

	@Test
	void refusedCommandExitsWithOne() throws Exception {
		Run repair = run("--stepwise.command=repair");
		assertThat(repair.exitCode()).isOne();
		assertThat(repair.output()).contains("Stepwise repair failed: Nothing to repair");
	}

	private Run run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				System.getProperty("sampleJar"),
				"--spring.datasource.url=jdbc:h2:file:" + this.directory.resolve("catalogue").toAbsolutePath()));
		command.addAll(List.of(arguments));
		Path log = Files.createTempFile(this.directory, "run", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("The application did not exit within 2 minutes: " + Files.readString(log));
		}
		return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String output) {
	}

}
