/**
 * The Stepwise test kit: {@link dev.stepwise.test.ReversibilityCheck} proves on a real
 * database that every migration's {@code down} undoes its {@code up}, comparing
 * {@link dev.stepwise.test.SchemaSnapshot schema snapshots}.
 */
@NullMarked
package dev.stepwise.test;

import org.jspecify.annotations.NullMarked;
