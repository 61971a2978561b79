package dev.stepwise.actuate;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.stepwise.core.Stepwise;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application without Actuator, Spring Boot's health support or Micrometer starts with
 * Stepwise and without its endpoint, health indicator or metrics. Run in a separate JVM
 * whose class path really lacks those jars.
 */
class WithoutActuatorTests {

	private static final List<String> LEFT_OUT = List.of("spring-boot-actuator", "spring-boot-health", "micrometer",
			"spring-boot-starter-actuator");

	@Test
	void applicationStartsWithTheEngineAndNothingOfActuator() throws Exception {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> LEFT_OUT.stream().noneMatch(entry::contains))
			.collect(Collectors.joining(File.pathSeparator));
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classPath, Application.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("actuator=false engine=true endpoint=false health=false observations=false");
	}

	/**
	 * The application the child JVM starts.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		public static void main(String[] args) {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
				.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
						"management.endpoints.web.exposure.include=migrations")
				.run()) {
				boolean actuator = isPresent("org.springframework.boot.actuate.endpoint.annotation.Endpoint");
				System.out.println("actuator=" + actuator + " engine=" + has(context, Stepwise.class) + " endpoint="
						+ context.containsBean("migrationsEndpoint") + " health="
						+ context.containsBean("migrationsHealthIndicator") + " observations="
						+ context.containsBean("migrationObservations"));
			}
		}

		private static boolean has(ConfigurableApplicationContext context, Class<?> type) {
			return context.getBeanNamesForType(type).length == 1;
		}

		private static boolean isPresent(String className) {
			try {
				Class.forName(className);
				return true;
			}
			catch (ClassNotFoundException ex) {
				return false;
			}
		}

	}

}
