package dev.stepwise.core;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lock for databases without session locks: a single row in a lock table naming its
 * owner, with a lease that expires so that a crashed holder never leaves a lock behind.
 * An expired lease is taken over.
 */
final class LeaseLock implements MigrationLock {

	static final Duration LEASE = Duration.ofMinutes(10);

	private final Database database;

	private final String table;

	private final JdbcTemplate jdbc;

	private final String owner;

	LeaseLock(Database database, String table) {
		this.database = database;
		this.table = table;
		this.jdbc = new JdbcTemplate(database.dataSource());
		this.owner = ownerName();
	}

	@Override
	public boolean tryAcquire() {
		createTableIfMissing();
		Instant now = Instant.now();
		Timestamp acquired = Timestamp.from(now);
		Timestamp expires = Timestamp.from(now.plus(LEASE));
		String name = this.database.qualify(this.table);
		int takenOver = this.jdbc.update(
				"UPDATE " + name + " SET owner = ?, acquired_on = ?, expires_on = ? WHERE id = 1 AND expires_on < ?",
				this.owner, acquired, expires, acquired);
		if (takenOver == 1) {
			return true;
		}
		try {
			this.jdbc.update("INSERT INTO " + name + " (id, owner, acquired_on, expires_on) VALUES (1, ?, ?, ?)",
					this.owner, acquired, expires);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public String holder() {
		List<String> holders = this.jdbc.query(
				"SELECT owner, acquired_on, expires_on FROM " + this.database.qualify(this.table) + " WHERE id = 1",
				(row, number) -> row.getString("owner") + " since " + row.getTimestamp("acquired_on").toInstant()
						+ " (its lease expires at " + row.getTimestamp("expires_on").toInstant() + ")");
		return holders.isEmpty() ? "an owner that has just released it" : holders.get(0);
	}

	@Override
	public void release() {
		this.jdbc.update("DELETE FROM " + this.database.qualify(this.table) + " WHERE id = 1 AND owner = ?",
				this.owner);
	}

	private void createTableIfMissing() {
		if (exists()) {
			return;
		}
		try {
			this.jdbc.execute("CREATE TABLE " + this.database.qualify(this.table)
					+ " (id INT NOT NULL PRIMARY KEY, owner VARCHAR(200) NOT NULL, acquired_on "
					+ this.database.dialect().timestampType() + " NOT NULL, expires_on "
					+ this.database.dialect().timestampType() + " NOT NULL)");
		}
		catch (DataAccessException ex) {
			if (!exists()) {
				throw ex;
			}
			// another instance created it at the same moment
		}
	}

	private boolean exists() {
		return Boolean.TRUE
			.equals(this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> this.database.dialect()
				.tableComment(connection, this.database.schema(), this.table)
				.isPresent()));
	}

	private static String ownerName() {
		String host = System.getenv().getOrDefault("HOSTNAME", "unknown host");
		return host + " pid " + ProcessHandle.current().pid() + " run " + UUID.randomUUID().toString().substring(0, 8);
	}

}
