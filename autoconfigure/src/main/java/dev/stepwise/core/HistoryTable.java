package dev.stepwise.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.StatementCallback;

/**
 * The history table: created when missing, read as a list of events, appended to. A
 * marker (its comment, where the database has table comments) carries the format of its
 * layout, so that a later release can upgrade it and this release refuses a table it does
 * not understand.
 * <p>
 * Writes join the transaction bound to the current thread, if any, which is how a
 * transactional migration and its history row commit together.
 */
final class HistoryTable {

	static final int FORMAT = 1;

	private static final String MARKER = "stepwise history format ";

	private static final Pattern MARKER_PATTERN = Pattern.compile(MARKER + "(\\d+)");

	private static final int MAX_DETAIL = 2000;

	private final Database database;

	private final String table;

	private final String name;

	private final JdbcTemplate jdbc;

	HistoryTable(Database database, String table) {
		this.database = database;
		this.table = table;
		this.name = database.qualify(table);
		this.jdbc = new JdbcTemplate(database.dataSource());
	}

	/**
	 * The table's name for people: {@code public.stepwise_history}.
	 */
	String displayName() {
		return (this.database.schema() != null) ? this.database.schema() + "." + this.table : this.table;
	}

	/**
	 * Create the table if it is missing, or check that this release understands it.
	 */
	void createIfMissing() {
		Optional<String> marker = marker();
		if (marker.isPresent()) {
			checkFormat(marker.get());
			return;
		}
		Dialect dialect = this.database.dialect();
		this.jdbc.execute("CREATE TABLE " + this.name + " (installed_rank INT NOT NULL PRIMARY KEY, "
				+ "version VARCHAR(50) NOT NULL, description VARCHAR(200) NOT NULL, operation VARCHAR(10) NOT NULL, "
				+ "class_name VARCHAR(1000), installed_by VARCHAR(100) NOT NULL, installed_on "
				+ dialect.timestampType() + " NOT NULL, execution_ms BIGINT NOT NULL, transactional BOOLEAN NOT NULL, "
				+ "outcome VARCHAR(12) NOT NULL, detail VARCHAR(" + MAX_DETAIL + "))");
		for (String statement : dialect.markHistory(this.database, this.table, MARKER + FORMAT)) {
			this.jdbc.execute(statement);
		}
	}

	/**
	 * Whether the table exists, checking that this release understands it if it does.
	 */
	boolean exists() {
		Optional<String> marker = marker();
		marker.ifPresent(this::checkFormat);
		return marker.isPresent();
	}

	private Optional<String> marker() {
		// the connection of a statement callback, not a connection callback, whose
		// close-suppressing proxy class costs a cold start several milliseconds
		Optional<String> marker = this.jdbc
			.execute((StatementCallback<Optional<String>>) (statement) -> this.database.dialect()
				.historyMarker(statement.getConnection(), this.database, this.table));
		return (marker != null) ? marker : Optional.empty();
	}

	private void checkFormat(String marker) {
		Matcher matcher = MARKER_PATTERN.matcher(marker);
		if (!matcher.find()) {
			throw new StepwiseException(Code.INCOMPATIBLE_HISTORY,
					"Table " + displayName() + " on " + this.database.kind().displayName()
							+ " exists but is not a Stepwise history table (it has no '" + MARKER
							+ "' marker). Choose another table with stepwise.table, or rename the existing one.");
		}
		int format = Integer.parseInt(matcher.group(1));
		if (format > FORMAT) {
			throw new StepwiseException(Code.INCOMPATIBLE_HISTORY,
					"History table " + displayName() + " has format " + format
							+ ", written by a newer Stepwise release; this release reads format " + FORMAT
							+ ". Upgrade Stepwise. Nothing was changed.");
		}
	}

	List<HistoryEvent> read() {
		return this.jdbc.query("SELECT installed_rank, version, description, operation, class_name, installed_by, "
				+ this.database.dialect().selectTime("installed_on")
				+ ", execution_ms, transactional, outcome, detail FROM " + this.name + " ORDER BY installed_rank",
				(row, number) -> event(row));
	}

	private HistoryEvent event(ResultSet row) throws SQLException {
		return new HistoryEvent(row.getInt("installed_rank"), Version.parse(row.getString("version")),
				row.getString("description"), Operation.valueOf(row.getString("operation")),
				row.getString("class_name"), row.getString("installed_by"),
				this.database.dialect().instant(row, "installed_on"), row.getLong("execution_ms"),
				row.getBoolean("transactional"), Outcome.valueOf(row.getString("outcome")), row.getString("detail"));
	}

	/**
	 * Append an event that is {@link #complete completed} later, once its step has run.
	 * @return the event's rank
	 */
	int appendRunning(HistoryEntry entry, Operation operation) {
		append(entry, operation, Outcome.RUNNING, 0, null);
		Integer rank = this.jdbc.queryForObject("SELECT MAX(installed_rank) FROM " + this.name, Integer.class);
		return Objects.requireNonNull(rank);
	}

	/**
	 * Append an event.
	 */
	void append(HistoryEntry entry, Operation operation, Outcome outcome, long executionMs, @Nullable String detail) {
		// one statement that writes first: a read followed by a write would need to
		// upgrade its lock, which databases such as SQLite refuse while others write
		this.jdbc.update(
				"INSERT INTO " + this.name + " (installed_rank, version, description, operation, "
						+ "class_name, installed_by, installed_on, execution_ms, transactional, outcome, detail) "
						+ "SELECT COALESCE(MAX(installed_rank), 0) + 1, ?, ?, ?, ?, ?, " + this.database.dialect().now()
						+ ", ?, ?, ?, ? FROM " + this.name,
				entry.version().toString(), entry.description(), operation.name(), entry.className(),
				this.database.user(), executionMs, entry.transactional(), outcome.name(), detailValue(detail));
	}

	/**
	 * Record how an event that was appended as {@code RUNNING} ended.
	 * @return whether the event was there to update
	 */
	boolean complete(int rank, Outcome outcome, long executionMs, @Nullable String detail) {
		return 0 < this.jdbc.update(
				"UPDATE " + this.name + " SET outcome = ?, execution_ms = ?, detail = ? WHERE installed_rank = ?",
				outcome.name(), executionMs, detailValue(detail), rank);
	}

	/**
	 * The detail as a typed parameter: for an untyped {@code null}, spring-jdbc asks the
	 * driver for the parameter's type, which costs a round trip per write on PostgreSQL
	 * and MariaDB.
	 */
	private static SqlParameterValue detailValue(@Nullable String detail) {
		return new SqlParameterValue(Types.VARCHAR, truncate(detail));
	}

	private static @Nullable String truncate(@Nullable String message) {
		return (message != null && message.length() > MAX_DETAIL) ? message.substring(0, MAX_DETAIL - 3) + "..."
				: message;
	}

}
