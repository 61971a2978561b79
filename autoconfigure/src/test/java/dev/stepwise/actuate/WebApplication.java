package dev.stepwise.actuate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A web application with two migrations; the second one can be held mid-way by a gate, so
 * that a test can watch it run.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebApplication {

	/**
	 * The gate the backfill passes; a test closes it to watch the backfill run.
	 */
	static volatile Gate gate = new Gate();

	@Bean
	Migration createCustomers() {
		return new V1__Create_customers();
	}

	@Bean
	Migration backfillCustomers() {
		return new V2__Backfill_customers();
	}

	/**
	 * Holds the backfill after its first progress report until the test opens it.
	 */
	static class Gate {

		volatile boolean closed;

		final CountDownLatch reached = new CountDownLatch(1);

		final CountDownLatch opened = new CountDownLatch(1);

		void pass() throws InterruptedException {
			if (this.closed) {
				this.reached.countDown();
				if (!this.opened.await(1, TimeUnit.MINUTES)) {
					throw new IllegalStateException("The test never opened the gate");
				}
			}
		}

	}

	static class V1__Create_customers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100))");
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().execute("DROP TABLE customer");
		}

	}

	static class V2__Backfill_customers implements Migration {

		@Override
		public void up(MigrationContext context) throws InterruptedException {
			context.jdbc().update("INSERT INTO customer (id, name) VALUES (1, 'Ada')");
			context.progress(1, 4);
			gate.pass();
			context.progress(4, 4);
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().update("DELETE FROM customer");
		}

	}

}
