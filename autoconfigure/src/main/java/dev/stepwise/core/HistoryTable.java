package dev.stepwise.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;

/**
 * The history table: created when missing, read as a list of events, appended to. A
 * marker (its comment, where the database has table comments) carries the format of its
 * layout, so that a later release can upgrade it and this release refuses a table it does
 * not understand.
 * <p>
 * Under the lock, the table is reached through the run's one connection, and writes join
 * whatever transaction is open there, which is how a transactional migration and its
 * history row commit together.
 */
final class HistoryTable {

	static final int FORMAT = 1;

	private static final String MARKER = "stepwise history format ";

	private static final int MAX_DETAIL = 2000;

	private static final String COLUMNS = " (installed_rank, version, description, operation, class_name, installed_by,"
			+ " installed_on, execution_ms, transactional, outcome, detail)";

	private final Database database;

	private final String table;

	private final String name;

	private final SqlRunner sql;

	/**
	 * The values of an event after its rank, time written by the database.
	 */
	private final String eventValues;

	/**
	 * The newest rank, when this table knows it without asking: read under the lock, then
	 * its own {@code RUNNING} entries; {@code -1} when unknown.
	 */
	private int newestRank = -1;

	HistoryTable(Database database, String table) {
		this.database = database;
		this.table = table;
		this.name = database.qualify(table);
		this.sql = new SqlRunner(database.dataSource());
		this.eventValues = "?, ?, ?, ?, ?, " + database.dialect().now() + ", ?, ?, ?, ?";
	}

	/**
	 * The table's name for people: {@code public.stepwise_history}.
	 */
	String displayName() {
		return (this.database.schema() != null) ? this.database.schema() + "." + this.table : this.table;
	}

	/**
	 * Create the table if it is missing, or check that this release understands it.
	 * @return whether it was created, and so holds no event yet
	 */
	boolean createIfMissing() {
		Optional<String> marker = marker();
		if (marker.isPresent()) {
			checkFormat(marker.get());
			return false;
		}
		Dialect dialect = this.database.dialect();
		String create = "CREATE TABLE " + this.name + " (installed_rank INT NOT NULL PRIMARY KEY, "
				+ "version VARCHAR(50) NOT NULL, description VARCHAR(200) NOT NULL, operation VARCHAR(10) NOT NULL, "
				+ "class_name VARCHAR(1000), installed_by VARCHAR(100) NOT NULL, installed_on "
				+ dialect.timestampType() + " NOT NULL, execution_ms BIGINT NOT NULL, transactional BOOLEAN NOT NULL, "
				+ "outcome VARCHAR(12) NOT NULL, detail VARCHAR(" + MAX_DETAIL + "))";
		for (String statement : dialect.createHistory(this.database, this.table, create, MARKER + FORMAT)) {
			this.sql.execute(statement);
		}
		this.newestRank = 0;
		return true;
	}

	/**
	 * Whether the table exists, checking that this release understands it if it does.
	 */
	boolean exists() {
		Optional<String> marker = marker();
		marker.ifPresent(this::checkFormat);
		return marker.isPresent();
	}

	/**
	 * The format marker, read on every start.
	 */
	private Optional<String> marker() {
		return this.database.dialect().historyMarker(this.sql, this.database, this.table);
	}

	/**
	 * Check the format the marker names, read by hand: a regular expression would cost
	 * every start in a cold JVM a millisecond or more to compile.
	 */
	private void checkFormat(String marker) {
		int at = marker.indexOf(MARKER);
		int start = (at < 0) ? marker.length() : at + MARKER.length();
		int end = start;
		while (end < marker.length() && marker.charAt(end) >= '0' && marker.charAt(end) <= '9') {
			end++;
		}
		if (end == start) {
			String where = displayName() + " on " + this.database.kind().displayName();
			throw new StepwiseException(Code.INCOMPATIBLE_HISTORY,
					"Table " + where + " exists but is not a Stepwise history table (it has no '" + MARKER
							+ "' marker). Choose another table with stepwise.table, or rename the existing one."
							+ " If it is an empty table with Stepwise's columns, a start was killed while creating"
							+ " it: drop it.");
		}
		int format = Integer.parseInt(marker, start, end, 10);
		if (format > FORMAT) {
			throw new StepwiseException(Code.INCOMPATIBLE_HISTORY,
					"History table " + displayName() + " has format " + format
							+ ", written by a newer Stepwise release; this release reads format " + FORMAT
							+ ". Upgrade Stepwise. Nothing was changed.");
		}
	}

	/**
	 * Every event, oldest first. Columns are read by index: every start reads the whole
	 * history in a cold JVM, where looking up each column by name adds up.
	 */
	List<HistoryEvent> read() {
		return read("installed_rank, version, description, operation, class_name, installed_by, "
				+ this.database.dialect().selectTime("installed_on") + ", execution_ms, transactional, outcome, detail",
				(row, number) -> event(row));
	}

	/**
	 * Every event, oldest first, with only what decides a version's state: what the check
	 * before a migration run needs when the {@link #readSummary() summary} does not
	 * confirm the history: four of the eleven columns of {@link #read()}.
	 * @see HistoryEvent#outcomeOnly
	 */
	List<HistoryEvent> readOutcomes() {
		// this and the other callbacks on the path of a start are classes, not lambdas
		// (see SqlRunner), made where they are used: each loads only when it runs
		return read("installed_rank, version, operation, outcome", new RowMapper<>() {

			@Override
			public HistoryEvent mapRow(ResultSet row, int number) throws SQLException {
				return HistoryEvent.outcomeOnly(row.getInt(1), Version.parse(row.getString(2)),
						Operation.valueOf(row.getString(3)), Outcome.valueOf(row.getString(4)));
			}

		});
	}

	/**
	 * The history summed up from one statement: what a start with nothing pending reads
	 * instead of every event. The database sums it up where it can join the versions (see
	 * {@link Dialect#versionsInOrder()}); elsewhere it is folded from the rank, version
	 * and outcome of every event.
	 * @return the summary
	 */
	HistorySummary readSummary() {
		String versions = this.database.dialect().versionsInOrder();
		HistorySummary summary = (versions != null) ? summedUpByTheDatabase(versions) : foldedFromTheEvents();
		this.newestRank = summary.newestRank();
		return summary;
	}

	private HistorySummary summedUpByTheDatabase(String versions) {
		return this.sql
			.queryForObject(
					"SELECT COUNT(*), COUNT(CASE WHEN operation = 'UP' AND outcome = 'SUCCESS' THEN 1 END),"
							+ " COALESCE(MAX(installed_rank), 0), " + versions + " FROM " + this.name,
					new RowMapper<>() {

						@Override
						public HistorySummary mapRow(ResultSet row, int number) throws SQLException {
							return new HistorySummary(row.getInt(1), row.getInt(2), row.getInt(3), row.getString(4));
						}

					});
	}

	private HistorySummary foldedFromTheEvents() {
		return HistorySummary.of(this.sql.query(
				"SELECT installed_rank, version, operation, outcome FROM " + this.name + " ORDER BY installed_rank",
				new RowMapper<>() {

					@Override
					public HistorySummary.Event mapRow(ResultSet row, int number) throws SQLException {
						return new HistorySummary.Event(row.getInt(1), row.getString(2),
								"UP".equals(row.getString(3)) && "SUCCESS".equals(row.getString(4)));
					}

				}));
	}

	/**
	 * The summary as a start reads it without the lock: only from a table that is both
	 * created and marked. Another instance may be between the two, which the lock would
	 * have hidden, so an unmarked table is left to the run under the lock to create or
	 * refuse.
	 * @return the summary, or empty if the run must take the lock to learn more
	 */
	Optional<HistorySummary> readSummaryWithoutLock() {
		Optional<String> marker = marker();
		if (marker.isEmpty() || marker.get().isEmpty()) {
			return Optional.empty();
		}
		checkFormat(marker.get());
		return Optional.of(readSummary());
	}

	private List<HistoryEvent> read(String columns, RowMapper<HistoryEvent> mapper) {
		List<HistoryEvent> events = this.sql
			.query("SELECT " + columns + " FROM " + this.name + " ORDER BY installed_rank", mapper);
		this.newestRank = events.isEmpty() ? 0 : events.get(events.size() - 1).rank();
		return events;
	}

	private HistoryEvent event(ResultSet row) throws SQLException {
		return new HistoryEvent(row.getInt(1), Version.parse(row.getString(2)), row.getString(3),
				Operation.valueOf(row.getString(4)), row.getString(5), row.getString(6),
				this.database.dialect().instant(row, 7), row.getLong(8), row.getBoolean(9),
				Outcome.valueOf(row.getString(10)), row.getString(11));
	}

	/**
	 * Append an event that is {@link #complete completed} later, once its step has run.
	 * @return the event's rank
	 */
	int appendRunning(HistoryEntry entry, Operation operation) {
		append(values(entry, operation, Outcome.RUNNING, 0, null));
		if (this.newestRank < 0) {
			this.newestRank = this.sql.queryForObject("SELECT MAX(installed_rank) FROM " + this.name,
					(row, number) -> row.getInt(1));
		}
		return this.newestRank;
	}

	/**
	 * Append an event.
	 */
	void append(HistoryEntry entry, Operation operation, Outcome outcome, long executionMs, @Nullable String detail) {
		append(values(entry, operation, outcome, executionMs, detail));
	}

	/**
	 * Forget the newest rank: the transaction that appended it was rolled back.
	 */
	void rolledBack() {
		this.newestRank = -1;
	}

	/**
	 * Append an event with the rank that follows the newest one, when this table knows
	 * it: which saves the database looking it up with every event, and a wrong guess
	 * would break the primary key, not another entry.
	 */
	private void append(Object[] values) {
		if (this.newestRank < 0) {
			// one statement that writes first: a read followed by a write would need to
			// upgrade its lock, which databases such as SQLite refuse while others write
			this.sql.update("INSERT INTO " + this.name + COLUMNS + " SELECT COALESCE(MAX(installed_rank), 0) + 1, "
					+ this.eventValues + " FROM " + this.name, values);
			return;
		}
		int rank = this.newestRank + 1;
		Object[] ranked = new Object[values.length + 1];
		ranked[0] = rank;
		System.arraycopy(values, 0, ranked, 1, values.length);
		this.sql.update("INSERT INTO " + this.name + COLUMNS + " VALUES (?, " + this.eventValues + ")", ranked);
		this.newestRank = rank;
	}

	private @Nullable Object[] values(HistoryEntry entry, Operation operation, Outcome outcome, long executionMs,
			@Nullable String detail) {
		return new Object[] { entry.version().toString(), entry.description(), operation.name(), entry.className(),
				this.database.user(), executionMs, entry.transactional(), outcome.name(), truncate(detail) };
	}

	/**
	 * Record how an event that was appended as {@code RUNNING} ended.
	 * @return whether the event was there to update
	 */
	boolean complete(int rank, Outcome outcome, long executionMs, @Nullable String detail) {
		return 0 < this.sql.update(
				"UPDATE " + this.name + " SET outcome = ?, execution_ms = ?, detail = ? WHERE installed_rank = ?",
				outcome.name(), executionMs, truncate(detail), rank);
	}

	private static @Nullable String truncate(@Nullable String message) {
		return (message != null && message.length() > MAX_DETAIL) ? message.substring(0, MAX_DETAIL - 3) + "..."
				: message;
	}

}
