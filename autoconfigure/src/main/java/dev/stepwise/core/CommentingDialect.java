package dev.stepwise.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A database with table comments, which carry the history format on the history table
 * itself.
 */
abstract class CommentingDialect extends Dialect {

	@Override
	Optional<String> historyMarker(Connection connection, Database database, String table) throws SQLException {
		return tableRemarks(connection, database.schema(), table);
	}

	@Override
	final List<String> markHistory(Database database, String table, String marker) {
		return List.of(commentOnTable(database.qualify(table), marker));
	}

	/**
	 * The statement that sets a table's comment.
	 */
	String commentOnTable(String table, String comment) {
		return "COMMENT ON TABLE " + table + " IS '" + comment + "'";
	}

}
