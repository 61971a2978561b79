package dev.stepwise.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A migration version: digit groups separated by {@code .} or {@code _}, compared
 * numerically group by group, with missing trailing groups read as zero ({@code 1} equals
 * {@code 1.0}). Shown with {@code .} as the separator.
 */
final class Version implements Comparable<Version> {

	private final String text;

	private final List<BigInteger> groups;

	private Version(String text, List<BigInteger> groups) {
		this.text = text;
		this.groups = groups;
	}

	/**
	 * Parse a version.
	 * @param text the version as written
	 * @return the version
	 * @throws IllegalArgumentException if the text is not digit groups
	 */
	static Version parse(String text) {
		String normalized = text.trim().replace('_', '.');
		List<BigInteger> groups = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= normalized.length(); i++) {
			if (i == normalized.length() || normalized.charAt(i) == '.') {
				groups.add(group(text, normalized, start, i));
				start = i + 1;
			}
			else if (normalized.charAt(i) < '0' || normalized.charAt(i) > '9') {
				throw notAVersion(text);
			}
		}
		while (groups.size() > 1 && groups.get(groups.size() - 1).signum() == 0) {
			groups.remove(groups.size() - 1);
		}
		return new Version(normalized, List.copyOf(groups));
	}

	/**
	 * One digit group, read without a regular expression or a {@link BigInteger} parse
	 * when it fits a {@code long}: every start parses every version, in a cold JVM.
	 */
	private static BigInteger group(String text, String normalized, int start, int end) {
		if (start == end) {
			throw notAVersion(text);
		}
		if (end - start > 18) {
			return new BigInteger(normalized.substring(start, end));
		}
		long value = 0;
		for (int i = start; i < end; i++) {
			value = value * 10 + (normalized.charAt(i) - '0');
		}
		return BigInteger.valueOf(value);
	}

	private static IllegalArgumentException notAVersion(String text) {
		return new IllegalArgumentException("'" + text
				+ "' is not a version: use digit groups separated by '.' or '_', such as 1, 1.2 or 20261122_01");
	}

	@Override
	public int compareTo(Version other) {
		int length = Math.max(this.groups.size(), other.groups.size());
		for (int i = 0; i < length; i++) {
			int comparison = group(i).compareTo(other.group(i));
			if (comparison != 0) {
				return comparison;
			}
		}
		return 0;
	}

	private BigInteger group(int index) {
		return (index < this.groups.size()) ? this.groups.get(index) : BigInteger.ZERO;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Version version) && this.groups.equals(version.groups);
	}

	@Override
	public int hashCode() {
		return this.groups.hashCode();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
