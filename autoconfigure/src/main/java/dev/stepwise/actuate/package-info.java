/**
 * Actuator support for Stepwise: the {@code migrations} endpoint, health indicator and
 * metrics, each behind its own condition.
 */
@NullMarked
package dev.stepwise.actuate;

import org.jspecify.annotations.NullMarked;
