package dev.stepwise.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Stepwise manages the schema of the application's data source, so
 * that Hibernate's default {@code ddl-auto} on an embedded database is {@code none}
 * rather than {@code create-drop}.
 */
final class StepwiseSchemaManagementProvider implements SchemaManagementProvider {

	private final @Nullable DataSource dataSource;

	StepwiseSchemaManagementProvider(@Nullable DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return dataSource.equals(this.dataSource) ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
