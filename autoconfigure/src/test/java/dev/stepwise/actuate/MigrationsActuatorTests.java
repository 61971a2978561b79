package dev.stepwise.actuate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;
import dev.stepwise.testsupport.IsolatedSchema;
import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint, health indicator and metrics of a real web application, called over HTTP.
 */
class MigrationsActuatorTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@ParameterizedTest
	@EnumSource(value = TestDatabase.class, names = { "H2", "POSTGRESQL" })
	void endpointListsEveryMigrationWithItsStateAndTimings(TestDatabase database) throws Exception {
		try (IsolatedSchema schema = database.createSchema();
				ConfigurableApplicationContext context = start(schema, freePort())) {
			Map<String, Object> body = json(get(context, "/actuator/migrations"));
			assertThat(body).containsEntry("currentVersion", "2")
				.containsEntry("applied", 2)
				.containsEntry("pending", 0)
				.containsEntry("failed", 0)
				.containsEntry("running", null);
			List<Map<String, Object>> migrations = list(body.get("migrations"));
			assertThat(migrations).extracting((migration) -> migration.get("version")).containsExactly("1", "2");
			assertThat(migrations.get(0)).containsEntry("description", "Create customers")
				.containsEntry("state", "APPLIED")
				.containsEntry("className", WebApplication.V1__Create_customers.class.getName())
				.containsEntry("transactional", true)
				.containsEntry("reversible", true)
				.containsKeys("installedOn", "installedBy", "executionTimeMs");
			assertThat(get(context, "/actuator/migrations").body()).doesNotContain("jdbc:").doesNotContain("password");
		}
	}

	@Test
	void selectorShowsOneMigrationWithItsEvents() throws Exception {
		try (IsolatedSchema schema = TestDatabase.H2.createSchema();
				ConfigurableApplicationContext context = start(schema, freePort())) {
			Map<String, Object> body = json(get(context, "/actuator/migrations/2"));
			assertThat(map(body.get("migration"))).containsEntry("description", "Backfill customers");
			assertThat(list(body.get("events"))).singleElement()
				.satisfies((event) -> assertThat(event).containsEntry("operation", "UP")
					.containsEntry("outcome", "SUCCESS"));
			assertThat(get(context, "/actuator/migrations/7").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void operationsThatChangeTheDatabaseAreRefusedByDefault() throws Exception {
		try (IsolatedSchema schema = TestDatabase.H2.createSchema();
				ConfigurableApplicationContext context = start(schema, freePort())) {
			assertThat(post(context, "/actuator/migrations/revert", "{}").statusCode()).isBetween(400, 499);
			assertThat(schema.hasTable("customer")).isTrue();
			assertThat(schema.history()).hasSize(2);
		}
	}

	@Test
	void operationsThatChangeTheDatabaseWorkWithUnrestrictedAccess() throws Exception {
		try (IsolatedSchema schema = TestDatabase.H2.createSchema();
				ConfigurableApplicationContext context = start(schema, freePort(),
						"management.endpoint.migrations.access=unrestricted")) {
			HttpResponse<String> revert = post(context, "/actuator/migrations/revert", "{\"steps\":2}");
			assertThat(revert.statusCode()).isEqualTo(200);
			assertThat(list(json(revert).get("reverted"))).extracting((migration) -> migration.get("version"))
				.containsExactly("2", "1");
			assertThat(schema.hasTable("customer")).isFalse();
			assertThat(post(context, "/actuator/migrations/migrate", "{}").statusCode()).isEqualTo(200);
			assertThat(schema.hasTable("customer")).isTrue();
			assertThat(post(context, "/actuator/migrations/explode", "{}").statusCode()).isEqualTo(400);
		}
	}

	@Test
	void healthIsUpWithDetailsWhenEverythingIsApplied() throws Exception {
		try (IsolatedSchema schema = TestDatabase.H2.createSchema();
				ConfigurableApplicationContext context = start(schema, freePort())) {
			HttpResponse<String> health = get(context, "/actuator/health/migrations");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(json(health)).containsEntry("status", "UP");
			assertThat(map(json(health).get("details"))).containsEntry("currentVersion", "2")
				.containsEntry("pending", 0);
		}
	}

	@Test
	void healthIsOutOfServiceWhileMigrationsArePending() throws Exception {
		try (IsolatedSchema schema = TestDatabase.H2.createSchema();
				ConfigurableApplicationContext context = start(schema, freePort(), "stepwise.auto-run=false")) {
			HttpResponse<String> health = get(context, "/actuator/health/migrations");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(json(health)).containsEntry("status", "OUT_OF_SERVICE");
			assertThat(map(json(health).get("details"))).containsEntry("pending", 2);
		}
	}

	@Test
	void eachMigrationIsTimedAndPendingMigrationsAreCounted() throws Exception {
		try (IsolatedSchema schema = TestDatabase.H2.createSchema();
				ConfigurableApplicationContext context = start(schema, freePort())) {
			Map<String, Object> timer = json(get(context, "/actuator/metrics/stepwise.migrations"));
			assertThat(list(timer.get("availableTags"))).extracting((tag) -> tag.get("tag"))
				.contains("version", "operation", "outcome");
			assertThat(list(timer.get("measurements")))
				.anySatisfy((measurement) -> assertThat(measurement).containsEntry("statistic", "COUNT")
					.containsEntry("value", 2.0));
			Map<String, Object> pending = json(get(context, "/actuator/metrics/stepwise.migrations.pending"));
			assertThat(list(pending.get("measurements"))).singleElement()
				.satisfies((measurement) -> assertThat(measurement).containsEntry("value", 0.0));
		}
	}

	@Test
	void showsTheRunningMigrationAndItsProgressWhileReadinessRefusesTraffic() throws Exception {
		int port = freePort();
		try (IsolatedSchema schema = TestDatabase.H2.createSchema()) {
			WebApplication.Gate gate = new WebApplication.Gate();
			gate.closed = true;
			WebApplication.gate = gate;
			CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture
				.supplyAsync(() -> builder(schema, port).run());
			assertThat(gate.reached.await(1, TimeUnit.MINUTES)).isTrue();
			Map<String, Object> during = json(get(port, "/actuator/migrations"));
			assertThat(map(during.get("running"))).containsEntry("version", "2")
				.containsEntry("operation", "UP")
				.containsEntry("done", 1)
				.containsEntry("total", 4)
				.containsKeys("startedAt", "elapsedMs");
			assertThat(list(during.get("migrations"))).extracting((migration) -> migration.get("state"))
				.containsExactly("APPLIED", "RUNNING");
			assertThat(get(port, "/actuator/health/readiness").body()).contains("OUT_OF_SERVICE");
			assertThat(get(port, "/actuator/health/liveness").body()).contains("\"UP\"");
			gate.opened.countDown();
			WebApplication.gate = new WebApplication.Gate();
			try (ConfigurableApplicationContext context = started.get(1, TimeUnit.MINUTES)) {
				assertThat(json(get(port, "/actuator/migrations"))).containsEntry("running", null)
					.containsEntry("pending", 0);
				assertThat(get(port, "/actuator/health/readiness").body()).contains("\"UP\"");
				assertThat(get(port, "/actuator/health/liveness").body()).contains("\"UP\"");
			}
		}
	}

	private static SpringApplicationBuilder builder(IsolatedSchema schema, int port, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=" + port, "spring.main.banner-mode=off",
				"spring.datasource.url=" + schema.dataSource().getJdbcUrl(),
				"spring.datasource.username=" + schema.dataSource().getUsername(),
				"spring.datasource.password=" + schema.dataSource().getPassword(),
				"management.endpoints.web.exposure.include=migrations,health,metrics",
				"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(WebApplication.class).properties(all.toArray(String[]::new));
	}

	private static ConfigurableApplicationContext start(IsolatedSchema schema, int port, String... properties) {
		return builder(schema, port, properties).run();
	}

	private HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
		return get(port(context), path);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext context, String path, String body)
			throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(context) + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
		return JsonMapper.builder().build().readValue(response.body(), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
