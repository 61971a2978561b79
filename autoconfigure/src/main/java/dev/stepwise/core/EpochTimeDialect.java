package dev.stepwise.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A database whose server works out the history's times as epoch milliseconds, read as a
 * number: its driver parses timestamps from text, a noticeable part of a cold start with
 * a long history.
 */
abstract class EpochTimeDialect extends CommentingDialect {

	/**
	 * The expression for a time column's epoch milliseconds.
	 */
	abstract String epochMillis(String column);

	@Override
	final String selectTime(String column) {
		return epochMillis(column) + " AS " + column;
	}

	@Override
	final Instant instant(ResultSet row, int column) throws SQLException {
		return Instant.ofEpochMilli(row.getLong(column));
	}

}
