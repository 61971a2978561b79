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
	List<String> createHistory(Database database, String table, String create, String marker) {
		return List.of(create, "COMMENT ON TABLE " + database.qualify(table) + " IS '" + marker + "'");
	}

}
