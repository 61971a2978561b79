package dev.stepwise.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table lists exactly the properties of the generated
 * configuration metadata, so that it cannot drift from the code.
 */
class ConfigurationDocumentationTests {

	@Test
	void readmeConfigurationTableListsEveryPropertyOfTheMetadata() throws IOException {
		String metadata = Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json"));
		String properties = metadata.substring(metadata.indexOf("\"properties\""));
		String readme = Files.readString(Path.of("../README.md"));
		Set<String> documented = names(readme, "(?m)^\\| `(stepwise\\.[a-z.-]+)` \\|");
		assertThat(documented).contains("stepwise.enabled", "stepwise.command")
			.isEqualTo(names(properties, "\"name\": \"(stepwise\\.[a-z.-]+)\""));
	}

	private static Set<String> names(String text, String regex) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile(regex).matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
