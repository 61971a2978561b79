package dev.stepwise.core;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * The failures of {@link SqlRunner}, as spring-jdbc's {@link DataAccessException}s. They
 * are made here, not where they are thrown, so that their classes load only when
 * something fails: verifying a class that throws them would load half a dozen on every
 * start.
 */
final class SqlFailures {

	private SqlFailures() {
	}

	/**
	 * A JDBC failure translated as {@code JdbcTemplate} translates it.
	 * @param sql the statement that failed, if known
	 */
	static RuntimeException translate(@Nullable String sql, SQLException ex) {
		DataAccessException translated = new SQLExceptionSubclassTranslator().translate("Stepwise", sql, ex);
		return (translated != null) ? translated : new UncategorizedSQLException("Stepwise", sql, ex);
	}

	/**
	 * A query that was expected to return a row returned none.
	 */
	static RuntimeException noRow(String sql) {
		return new EmptyResultDataAccessException("No row from " + sql, 1);
	}

}
