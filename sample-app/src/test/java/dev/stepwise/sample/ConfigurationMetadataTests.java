package dev.stepwise.sample;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.stepwise.autoconfigure.StepwiseProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata in the Stepwise jar, as an IDE reads it, documents every
 * property of {@link StepwiseProperties}.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDocumentedInTheJarsMetadata() throws IOException {
		Map<String, Map<String, Object>> properties = stepwiseProperties();
		List<String> fields = fields("stepwise", StepwiseProperties.class);
		assertThat(fields).hasSizeGreaterThan(15);
		for (String field : fields) {
			assertThat(properties).as(field).containsKey(field);
			assertThat(String.valueOf(properties.get(field).get("description"))).as(field).isNotBlank().endsWith(".");
		}
		assertThat(properties.get("stepwise.lock-timeout")).containsEntry("defaultValue", "5m");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> stepwiseProperties() throws IOException {
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				if (!json.contains("dev.stepwise.autoconfigure.StepwiseProperties")) {
					continue;
				}
				assertThat(url.toString()).as("read from the built jar").contains("stepwise-spring-boot-autoconfigure");
				Map<String, Object> metadata = JsonMapper.builder().build().readValue(json, Map.class);
				Map<String, Map<String, Object>> properties = new TreeMap<>();
				for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
					properties.put((String) property.get("name"), property);
				}
				return properties;
			}
		}
		throw new AssertionError("No Stepwise configuration metadata on the class path");
	}

	private static List<String> fields(String prefix, Class<?> type) {
		List<String> names = new ArrayList<>();
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			String name = prefix + "." + field.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			if (field.getType().getName().startsWith("dev.stepwise") && !field.getType().isEnum()) {
				names.addAll(fields(name, field.getType()));
			}
			else {
				names.add(name);
			}
		}
		return names;
	}

}
