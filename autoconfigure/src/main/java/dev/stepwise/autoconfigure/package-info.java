/**
 * Spring Boot auto-configuration for Stepwise: the engine as a bean, its properties, and
 * the runner that applies pending migrations at start-up.
 */
@NullMarked
package dev.stepwise.autoconfigure;

import org.jspecify.annotations.NullMarked;
