package dev.stepwise.core;

import java.sql.SQLException;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * The failures of {@link SqlRunner}, as spring-jdbc's {@link DataAccessException}s, and
 * their explanation to people. They are made and read here, not where they are thrown and
 * caught, so that their classes load only when something fails: verifying a class that
 * throws or catches them would load half a dozen on every start.
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
	 * A failure of Stepwise's own SQL as an exception that says what Stepwise could not
	 * do and what that means; any other exception as it is. Callers catch
	 * {@code RuntimeException} and pass it here rather than catching
	 * {@code DataAccessException}: a catch clause loads its class, and spring-tx and
	 * spring-core with it, on every start.
	 * @param what what Stepwise could not do: {@code take the migration lock on ...}
	 * @param consequence what the failure means: {@code No migration was run.}
	 */
	static RuntimeException explain(RuntimeException ex, String what, String consequence) {
		if (!(ex instanceof DataAccessException failure)) {
			return ex;
		}
		return new StepwiseException(Code.DATABASE_ERROR,
				"Stepwise could not " + what + ": " + failure.getMostSpecificCause().getMessage() + ". " + consequence,
				ex);
	}

	/**
	 * Whether an exception is a failure of the database, as {@link SqlRunner} reports
	 * one, rather than a bug: what a caller that catches {@code RuntimeException} (see
	 * {@link #explain}) may recover from.
	 */
	static boolean isDatabaseFailure(RuntimeException ex) {
		return ex instanceof DataAccessException;
	}

	/**
	 * A query that was expected to return a row returned none.
	 */
	static RuntimeException noRow(String sql) {
		return new EmptyResultDataAccessException("No row from " + sql, 1);
	}

}
