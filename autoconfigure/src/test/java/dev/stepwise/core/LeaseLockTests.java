package dev.stepwise.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.stepwise.testsupport.IsolatedSchema;
import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LeaseLock}, the lock of databases without session locks, on H2.
 */
class LeaseLockTests {

	private static final Duration SHORT_LEASE = Duration.ofMillis(600);

	private final IsolatedSchema schema = TestDatabase.H2.createSchema();

	private final Database database = Database.inspect(this.schema.dataSource(), null);

	@AfterEach
	void dropSchema() {
		this.schema.close();
	}

	@Test
	void theHolderRenewsItsLeaseWhileItWorks() throws InterruptedException {
		LeaseLock holder = lock();
		assertThat(holder.tryAcquire()).isTrue();
		try {
			// three leases long: without renewal the lease would have expired twice
			TimeUnit.MILLISECONDS.sleep(SHORT_LEASE.toMillis() * 3);
			assertThat(lock().tryAcquire()).isFalse();
		}
		finally {
			holder.release();
		}
		assertThat(lock().tryAcquire()).isTrue();
	}

	@Test
	void aHolderThatDiesLosesItsLeaseWhenItExpires() throws InterruptedException {
		LeaseLock dead = lock();
		assertThat(dead.tryAcquire()).isTrue();
		dead.stopRenewing();
		LeaseLock next = lock();
		assertThat(next.tryAcquire()).isFalse();
		assertThat(next.holder()).contains("pid " + ProcessHandle.current().pid()).contains("lease expires");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		boolean acquired = false;
		while (!acquired && System.nanoTime() < deadline) {
			TimeUnit.MILLISECONDS.sleep(50);
			acquired = next.tryAcquire();
		}
		assertThat(acquired).as("taken over after the lease expired").isTrue();
		next.release();
	}

	@Test
	void aFreeLockIsTakenWithOneInsert() {
		ObservedDataSource observed = new ObservedDataSource(this.schema.dataSource());
		LeaseLock lock = new LeaseLock(Database.inspect(observed, null), Stepwise.DEFAULT_TABLE + "_lock", SHORT_LEASE);
		assertThat(lock.tryAcquire()).isTrue();
		lock.release();
		assertThat(observed.statements()).filteredOn((sql) -> sql.contains("SET owner")).isEmpty();
		assertThat(observed.statements()).filteredOn((sql) -> sql.startsWith("INSERT")).hasSize(1);
		LeaseLock next = lock();
		assertThat(next.tryAcquire()).as("free again after the release").isTrue();
		next.release();
	}

	private LeaseLock lock() {
		return new LeaseLock(this.database, Stepwise.DEFAULT_TABLE + "_lock", SHORT_LEASE);
	}

}
