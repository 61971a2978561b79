package dev.stepwise.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowMapper;

/**
 * A lock for databases without session locks: a single row in a lock table naming its
 * owner (host, process and a random id), with a lease that the holder renews while it
 * works. A holder that dies stops renewing, its lease expires, and the next instance
 * takes it over: no lock ever needs a human.
 * <p>
 * Like the rest of a run's path, taking it spins no lambda and names no spring-dao
 * exception in a catch clause (see {@link SqlFailures}): on H2, SQLite and other
 * databases it is on the path of every run with something to apply.
 */
final class LeaseLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(LeaseLock.class);

	private final Database database;

	private final String table;

	private final Duration lease;

	private final SqlRunner sql;

	private final String owner;

	private @Nullable ScheduledExecutorService renewal;

	private @Nullable SharedConnectionDataSource session;

	LeaseLock(Database database, String table, Duration lease) {
		this.database = database;
		this.table = table;
		this.lease = lease;
		this.sql = new SqlRunner(database.dataSource());
		this.owner = ownerName();
	}

	@Override
	public boolean tryAcquire() {
		createTableIfMissing();
		Instant now = Instant.now();
		Long expiry = heldUntil();
		if (expiry != null && expiry >= now.toEpochMilli()) {
			return false; // checked by reading, so that waiting instances do not write
		}
		long acquired = now.toEpochMilli();
		long expires = now.plus(this.lease).toEpochMilli();
		String name = this.database.qualify(this.table);
		// an expired lease is taken over; a free lock, whose row its holder deleted, is
		// taken with the insert alone
		boolean taken = (expiry != null && takeOver(name, acquired, expires)) || insert(name, acquired, expires);
		if (!taken) {
			return false;
		}
		startRenewing();
		return true;
	}

	/**
	 * Take over the lock row of a lease that has expired; {@code false} if another
	 * instance took it over first, or its holder released it in between.
	 */
	private boolean takeOver(String name, long acquired, long expires) {
		return this.sql.update(
				"UPDATE " + name + " SET owner = ?, acquired_ms = ?, expires_ms = ? WHERE id = 1 AND expires_ms < ?",
				this.owner, acquired, expires, acquired) > 0;
	}

	/**
	 * Insert the lock row, or find that another instance holds the lock. A failed insert
	 * is checked against the table rather than trusting the driver to report a duplicate
	 * key in a way Spring recognises, which not every driver does; if the row is gone,
	 * its holder released it in between, and the insert is tried once more.
	 */
	private boolean insert(String name, long acquired, long expires) {
		String insert = "INSERT INTO " + name + " (id, owner, acquired_ms, expires_ms) VALUES (1, ?, ?, ?)";
		try {
			this.sql.update(insert, this.owner, acquired, expires);
			return true;
		}
		catch (RuntimeException ex) {
			if (!SqlFailures.isDatabaseFailure(ex)) {
				throw ex;
			}
			if (isHeld()) {
				return false;
			}
			try {
				this.sql.update(insert, this.owner, acquired, expires);
				return true;
			}
			catch (RuntimeException again) {
				if (SqlFailures.isDatabaseFailure(again) && isHeld()) {
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
		return heldUntil() != null;
	}

	/**
	 * When the current holder's lease expires, in epoch milliseconds, or {@code null} if
	 * nobody holds the lock.
	 */
	private @Nullable Long heldUntil() {
		List<Long> expiries = this.sql
			.query("SELECT expires_ms FROM " + this.database.qualify(this.table) + " WHERE id = 1", new RowMapper<>() {

				@Override
				public Long mapRow(ResultSet row, int number) throws SQLException {
					return row.getLong(1);
				}

			});
		return expiries.isEmpty() ? null : expiries.get(0);
	}

	@Override
	public String holder() {
		List<String> holders = this.sql.query(
				"SELECT owner, acquired_ms, expires_ms FROM " + this.database.qualify(this.table) + " WHERE id = 1",
				(row, number) -> row.getString("owner") + " since " + Instant.ofEpochMilli(row.getLong("acquired_ms"))
						+ " (its lease expires at " + Instant.ofEpochMilli(row.getLong("expires_ms"))
						+ " unless renewed)");
		return holders.isEmpty() ? "an owner that has just released it" : holders.get(0);
	}

	/**
	 * A connection of the pool, opened when first asked for: the lease is held in the
	 * table, not by a session.
	 */
	@Override
	public SharedConnectionDataSource session() {
		if (this.session == null) {
			this.session = SharedConnectionDataSource.open(this.database.dataSource());
		}
		return this.session;
	}

	@Override
	public void release() {
		stopRenewing();
		SharedConnectionDataSource session = this.session;
		this.session = null;
		try {
			// first, so that a pool of one has a connection to delete the row with
			if (session != null) {
				session.close();
			}
		}
		finally {
			this.sql.update("DELETE FROM " + this.database.qualify(this.table) + " WHERE id = 1 AND owner = ?",
					this.owner);
		}
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
		Renewal renewal = new Renewal();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(renewal);
		long period = Math.max(1, this.lease.toMillis() / 3);
		executor.scheduleAtFixedRate(renewal, period, period, TimeUnit.MILLISECONDS);
		this.renewal = executor;
	}

	private void renew() {
		try {
			int renewed = this.sql.update(
					"UPDATE " + this.database.qualify(this.table) + " SET expires_ms = ? WHERE id = 1 AND owner = ?",
					Instant.now().plus(this.lease).toEpochMilli(), this.owner);
			if (renewed == 0) {
				logger.error("The migration lease on {} was lost: another instance took it over after it expired."
						+ " Check the lock table {} and the history.", this.database.describe(), this.table);
			}
		}
		catch (RuntimeException ex) {
			// any failure: one that escaped would end the renewals for good
			logger.warn("Could not renew the migration lease on {}; it expires in {} unless a later renewal works",
					this.database.describe(), this.lease, ex);
		}
	}

	private void createTableIfMissing() {
		if (exists()) {
			return;
		}
		try {
			// epoch milliseconds: a timestamp column is read in each instance's time
			// zone, and an instance west of the holder would see a live lease expired
			this.sql.execute("CREATE TABLE " + this.database.qualify(this.table)
					+ " (id INT NOT NULL PRIMARY KEY, owner VARCHAR(200) NOT NULL, acquired_ms BIGINT NOT NULL,"
					+ " expires_ms BIGINT NOT NULL)");
		}
		catch (RuntimeException ex) {
			if (!SqlFailures.isDatabaseFailure(ex) || !exists()) {
				throw ex;
			}
			// another instance created it at the same moment
		}
	}

	private boolean exists() {
		return this.sql.run(new ConnectionCallback<>() {

			@Override
			public Boolean doInConnection(Connection connection) throws SQLException {
				return LeaseLock.this.database.dialect()
					.tableExists(connection, LeaseLock.this.database.schema(), LeaseLock.this.table);
			}

		});
	}

	/**
	 * Renews the lease now and then, on a daemon thread of its own.
	 */
	private final class Renewal implements ThreadFactory, Runnable {

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "stepwise-lease-renewal");
			thread.setDaemon(true);
			return thread;
		}

		@Override
		public void run() {
			renew();
		}

	}

	private static String ownerName() {
		String host = System.getenv().getOrDefault("HOSTNAME", "unknown host");
		// not a UUID, whose SecureRandom costs a cold start tens of milliseconds: the
		// run id only tells apart two processes with the same host and pid
		return host + " pid " + ProcessHandle.current().pid() + " run "
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
	}

}
