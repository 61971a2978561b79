package dev.stepwise.core;

import java.sql.Connection;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The templates a migration gets from its context, made when it first asks for one: their
 * own statements go to the migration's connection, and their callbacks get it guarded.
 * Kept apart from {@link ConnectionContext} so that a migration on plain JDBC never loads
 * spring-jdbc's template classes, which a fresh JVM pays for in milliseconds.
 */
final class MigrationTemplates {

	private final JdbcTemplate jdbc;

	private @Nullable NamedParameterJdbcTemplate namedJdbc;

	/**
	 * @param connection the migration's connection
	 * @param guarded the same connection as the migration may use it
	 */
	MigrationTemplates(Connection connection, Connection guarded) {
		this.jdbc = new JdbcTemplate(new SharedConnectionDataSource(connection)) {

			@Override
			protected Connection createConnectionProxy(Connection connection) {
				return guarded;
			}

		};
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	NamedParameterJdbcTemplate namedJdbc() {
		// it allocates a statement cache, and most migrations never ask for it
		if (this.namedJdbc == null) {
			this.namedJdbc = new NamedParameterJdbcTemplate(this.jdbc);
		}
		return this.namedJdbc;
	}

}
