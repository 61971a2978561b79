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
		assertThat(validate.output()).containsPattern("1\\s+PENDING\\s+Create products").contains("Validation failed");

		Run migrate = run("--stepwise.command=migrate");
		assertThat(migrate.exitCode()).isZero();
		assertThat(migrate.output()).contains("Applied 3 (Add product keywords)").contains("Current version: 3");

		assertThat(run("--stepwise.command=validate").exitCode()).isZero();

		Run revert = run("--stepwise.command=revert");
		assertThat(revert.exitCode()).isZero();
		assertThat(revert.output()).contains("Reverted 3 (Add product keywords)").contains("Current version: 2");

		Run status = run("--stepwise.command=status", "--stepwise.output=json");
		assertThat(status.exitCode()).isZero();
		assertThat(status.output()).startsWith("{\"currentVersion\":\"2\",\"applied\":2,\"pending\":1,\"failed\":0,")
			.contains("\"version\":\"3\",\"description\":\"Add product keywords\",\"state\":\"REVERTED\"");
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
