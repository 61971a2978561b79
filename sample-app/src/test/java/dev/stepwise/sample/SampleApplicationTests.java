package dev.stepwise.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application starts on an in-memory H2 database with its migrations applied,
 * serves the catalogue, and shows its migrations through Actuator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1")
class SampleApplicationTests {

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@Test
	void startsWithEveryMigrationApplied() {
		assertThat(
				this.jdbc.queryForList("SELECT version FROM stepwise_history WHERE outcome = 'SUCCESS'", String.class))
			.containsExactly("1", "2", "3", "4", "5", "6", "7");
	}

	@Test
	void servesTheCatalogueWithKeywordsFilledByTheBackfill() throws Exception {
		String products = get("/products?keyword=tea");
		assertThat(products).contains("\"name\":\"Teapot\"")
			.contains("\"keywords\":\"tea mug\"")
			.doesNotContain("Electric kettle");
		assertThat(get("/products/1")).contains("\"name\":\"Electric kettle\"").contains("\"category\":\"Kitchen\"");
	}

	@Test
	void showsItsMigrationsThroughActuator() throws Exception {
		assertThat(get("/actuator/migrations")).contains("\"currentVersion\":\"7\"")
			.contains("\"description\":\"Backfill product keywords\"");
		assertThat(get("/actuator/health/migrations")).contains("\"status\":\"UP\"")
			.contains("\"currentVersion\":\"7\"");
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
