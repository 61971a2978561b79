/**
 * The benchmark: Stepwise, Flyway, Liquibase and the floor applying the same migrations
 * on the same database, each run in a fresh JVM.
 */
@NullMarked
package dev.stepwise.benchmarks;

import org.jspecify.annotations.NullMarked;
