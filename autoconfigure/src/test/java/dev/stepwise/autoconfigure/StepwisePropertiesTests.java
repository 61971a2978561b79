package dev.stepwise.autoconfigure;

import dev.stepwise.core.Stepwise;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StepwiseProperties}.
 */
class StepwisePropertiesTests {

	@Test
	void defaultValuesAreTheEnginesDefaults() {
		StepwiseProperties properties = new StepwiseProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.isAutoRun()).isTrue();
		assertThat(properties.getTable()).isEqualTo(Stepwise.DEFAULT_TABLE);
		assertThat(properties.getLockTimeout()).isEqualTo(Stepwise.DEFAULT_LOCK_TIMEOUT);
		assertThat(properties.getSchema()).isNull();
		assertThat(properties.isCreateSchema()).isFalse();
		assertThat(properties.getTarget()).isNull();
		assertThat(properties.isOutOfOrder()).isFalse();
		assertThat(properties.isIgnoreMissing()).isFalse();
	}

}
