package dev.stepwise.api;

import java.sql.Connection;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What a {@link Migration} runs with: templates and a connection bound to the migration's
 * own connection (and transaction, when the migration is transactional), the kind of
 * database, and a way to report progress of long work.
 */
public interface MigrationContext {

	/**
	 * A {@link JdbcTemplate} bound to this migration's connection.
	 * @return the template
	 */
	JdbcTemplate jdbc();

	/**
	 * A {@link NamedParameterJdbcTemplate} bound to this migration's connection.
	 * @return the template
	 */
	NamedParameterJdbcTemplate namedJdbc();

	/**
	 * This migration's connection. Do not close it or change its transaction: Stepwise
	 * owns both.
	 * @return the connection
	 */
	Connection connection();

	/**
	 * The kind of database being migrated, to branch where databases differ.
	 * @return the kind of database
	 */
	DatabaseKind database();

	/**
	 * The schema holding the history table: the configured one, or the connection's
	 * current schema.
	 * @return the schema, or {@code null} if the database does not report one
	 */
	@Nullable String schema();

	/**
	 * Report progress of long data work, for example every thousand rows of a backfill.
	 * @param done how much is done
	 * @param total how much there is in all
	 */
	void progress(long done, long total);

}
