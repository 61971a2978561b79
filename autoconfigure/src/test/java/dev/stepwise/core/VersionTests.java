package dev.stepwise.core;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Version}.
 */
class VersionTests {

	@Test
	void comparesNumericallyGroupByGroup() {
		List<String> sorted = Stream.of("2", "1.10", "1.9", "1.99", "1", "20261122_01", "1.2.1")
			.map(Version::parse)
			.sorted()
			.map(Version::toString)
			.toList();
		assertThat(sorted).containsExactly("1", "1.2.1", "1.9", "1.10", "1.99", "2", "20261122.01");
	}

	@Test
	void trailingZeroGroupsAndLeadingZerosDoNotMakeADifferentVersion() {
		assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1")).hasSameHashCodeAs(Version.parse("1"));
		assertThat(Version.parse("2026.01")).isEqualTo(Version.parse("2026.1"));
		assertThat(Version.parse("1.0.1")).isNotEqualTo(Version.parse("1.1"));
	}

	@Test
	void showsUnderscoresAsDots() {
		assertThat(Version.parse("2026_11_22")).hasToString("2026.11.22");
	}

	@Test
	void readsAnyNumberOfGroupsAroundWhitespace() {
		assertThat(Version.parse(" 1.2.3.4.5.6 ")).isGreaterThan(Version.parse("1.2.3.4.5"))
			.isEqualTo(Version.parse("1_2_3_4_5_6_0"))
			.hasToString("1.2.3.4.5.6");
	}

	@Test
	void readsGroupsUpToEighteenDigits() {
		assertThat(Version.parse("999999999999999999.1")).isGreaterThan(Version.parse("999999999999999998.2"));
		assertThat(Version.parse("0000000000000000000001")).isEqualTo(Version.parse("1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Version.parse("99999999999999999999"))
			.withMessageContaining("too large");
	}

	@Test
	void refusesAnythingButDigitGroups() {
		for (String text : List.of("", "v1", "1.", "1..2", "1.a", "-1", "1 2")) {
			assertThatIllegalArgumentException().isThrownBy(() -> Version.parse(text))
				.withMessageContaining("is not a version");
		}
	}

}
