package dev.stepwise.core;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lock for databases without session locks: a single row in a lock table naming its
 * owner (host, process and a random id), with a lease that the holder renews while it
 * works. A holder that dies stops renewing, its lease expires, and the next instance
 * takes it over: no lock ever needs a human.
 */
final class LeaseLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(LeaseLock.class);

	private final Database database;

	private final String table;

	private final Duration lease;

	private final JdbcTemplate jdbc;

	private final String owner;

	private @Nullable ScheduledExecutorService renewal;

	LeaseLock(Database database, String table, Duration lease) {
		this.database = database;
		this.table = table;
		this.lease = lease;
		this.jdbc = new JdbcTemplate(database.dataSource());
		this.owner = ownerName();
	}

	@Override
	public boolean tryAcquire() {
		createTableIfMissing();
		Instant now = Instant.now();
		if (heldUntil().filter((expiry) -> !expiry.isBefore(now)).isPresent()) {
			return false; // checked by reading, so that waiting instances do not write
		}
		Timestamp acquired = Timestamp.from(now);
		Timestamp expires = Timestamp.from(now.plus(this.lease));
		String name = this.database.qualify(this.table);
		int takenOver = this.jdbc.update(
				"UPDATE " + name + " SET owner = ?, acquired_on = ?, expires_on = ? WHERE id = 1 AND expires_on < ?",
				this.owner, acquired, expires, acquired);
		if (takenOver == 0 && !insert(name, acquired, expires)) {
			return false;
		}
		startRenewing();
		return true;
	}

	/**
	 * Insert the lock row, or find that another instance holds the lock. A failed insert
	 * is checked against the table rather than trusting the driver to report a duplicate
	 * key in a way Spring recognises, which not every driver does; if the row is gone,
	 * its holder released it in between, and the insert is tried once more.
	 */
	private boolean insert(String name, Timestamp acquired, Timestamp expires) {
		String insert = "INSERT INTO " + name + " (id, owner, acquired_on, expires_on) VALUES (1, ?, ?, ?)";
		try {
			this.jdbc.update(insert, this.owner, acquired, expires);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		catch (DataAccessException ex) {
			if (isHeld()) {
				return false;
			}
			try {
				this.jdbc.update(insert, this.owner, acquired, expires);
				return true;
			}
			catch (DataAccessException again) {
				if (isHeld()) {
					return false;
				}
				again.addSuppressed(ex);
				throw again;
			}
		}
	}

	/**
	 * Whether the lock row exists.
	 */
	private boolean isHeld() {
		return heldUntil().isPresent();
	}

	/**
	 * When the current holder's lease expires, or empty if nobody holds the lock.
	 */
	private Optional<Instant> heldUntil() {
		return this.jdbc
			.query("SELECT expires_on FROM " + this.database.qualify(this.table) + " WHERE id = 1",
					(row, number) -> row.getTimestamp(1).toInstant())
			.stream()
			.findFirst();
	}

	@Override
	public String holder() {
		List<String> holders = this.jdbc
			.query("SELECT owner, acquired_on, expires_on FROM " + this.database.qualify(this.table) + " WHERE id = 1",
					(row, number) -> row.getString("owner") + " since " + row.getTimestamp("acquired_on").toInstant()
							+ " (its lease expires at " + row.getTimestamp("expires_on").toInstant()
							+ " unless renewed)");
		return holders.isEmpty() ? "an owner that has just released it" : holders.get(0);
	}

	@Override
	public void release() {
		stopRenewing();
		this.jdbc.update("DELETE FROM " + this.database.qualify(this.table) + " WHERE id = 1 AND owner = ?",
				this.owner);
	}

	/**
	 * Stop renewing the lease without releasing it, as a holder that dies does.
	 */
	void stopRenewing() {
		ScheduledExecutorService renewal = this.renewal;
		this.renewal = null;
		if (renewal != null) {
			renewal.shutdownNow();
		}
	}

	private void startRenewing() {
		ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "stepwise-lease-renewal");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(1, this.lease.toMillis() / 3);
		renewal.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
		this.renewal = renewal;
	}

	private void renew() {
		try {
			int renewed = this.jdbc.update(
					"UPDATE " + this.database.qualify(this.table) + " SET expires_on = ? WHERE id = 1 AND owner = ?",
					Timestamp.from(Instant.now().plus(this.lease)), this.owner);
			if (renewed == 0) {
				logger.error("The migration lease on {} was lost: another instance took it over after it expired."
						+ " Check the lock table {} and the history.", this.database.describe(), this.table);
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Could not renew the migration lease on {}; it expires in {} unless a later renewal works",
					this.database.describe(), this.lease, ex);
		}
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
				.tableExists(connection, this.database.schema(), this.table)));
	}

	private static String ownerName() {
		String host = System.getenv().getOrDefault("HOSTNAME", "unknown host");
		// not a UUID: seeding SecureRandom costs a cold start tens of milliseconds, and
		// the
		// run id only tells apart two processes with the same host name and pid
		return host + " pid " + ProcessHandle.current().pid() + " run "
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
	}

}
