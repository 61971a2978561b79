package dev.stepwise.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares the application for a {@code stepwise.command}: the web server does not start,
 * so that a command can run as a job next to a running copy of the application, and
 * standard output carries the command's result rather than a banner (with
 * {@code stepwise.output=json}, console logging is limited to errors so that standard
 * output is one JSON document). Only the web server setting overrides the application's
 * own configuration.
 */
final class CommandModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "stepwiseCommandMode";

	static final String DEFAULTS_PROPERTY_SOURCE_NAME = "stepwiseCommandModeDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty("stepwise.command")) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.main.web-application-type", "none")));
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("spring.main.banner-mode", "off");
		if ("json".equalsIgnoreCase(environment.getProperty("stepwise.output"))) {
			defaults.put("logging.threshold.console", "error");
		}
		environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS_PROPERTY_SOURCE_NAME, defaults));
	}

}
