package dev.stepwise.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names and keys of locks, derived from the schema and history table, so that two
 * applications with their own history tables in one database do not wait for each other.
 */
final class LockNames {

	private static final int MAX_NAMED_LOCK_LENGTH = 64;

	private LockNames() {
	}

	/**
	 * A named lock's name: {@code stepwise:} then the schema and table, or a digest of it
	 * when that is too long or holds characters other than letters, digits, {@code _},
	 * {@code .} and {@code $}, so that it can be written into a statement without
	 * quoting.
	 */
	static String name(Database database, String table) {
		String name = "stepwise:" + identity(database, table);
		if (name.length() <= MAX_NAMED_LOCK_LENGTH && isPlain(name.substring("stepwise:".length()))) {
			return name;
		}
		return "stepwise:" + HexFormat.of().formatHex(digest(name), 0, 16);
	}

	private static boolean isPlain(String identity) {
		for (int i = 0; i < identity.length(); i++) {
			char c = identity.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '$')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A 64-bit FNV-1a hash of the lock's identity: stable across JVMs and releases, and
	 * cheap to compute on every start.
	 */
	static long key(Database database, String table) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : ("stepwise:" + identity(database, table)).getBytes(StandardCharsets.UTF_8)) {
			hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
		}
		return hash;
	}

	private static String identity(Database database, String table) {
		String schema = (database.schema() != null) ? database.schema() + "." : "";
		return (schema + table).toLowerCase(Locale.ROOT);
	}

	private static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
