package dev.stepwise.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CommandModeEnvironmentPostProcessor}.
 */
class CommandModeEnvironmentPostProcessorTests {

	private final CommandModeEnvironmentPostProcessor postProcessor = new CommandModeEnvironmentPostProcessor();

	@Test
	void keepsTheWebServerFromStartingWhenACommandIsGiven() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--stepwise.command=status"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(environment.getProperty("logging.threshold.console")).isNull();
	}

	@Test
	void limitsConsoleLoggingToErrorsForJsonOutput() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource("--stepwise.command=status", "--stepwise.output=json"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("error");
	}

	@Test
	void leavesTheApplicationAloneWithoutACommand() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(CommandModeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

}
