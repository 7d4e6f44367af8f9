package dev.webpubsub.emulator;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The roles of one connection and the permission checks derived from them: {@code webpubsub.joinLeaveGroup} and
 * {@code webpubsub.sendToGroup} (any group), their {@code .<group>} forms (one group) and the wildcard
 * {@code webpubsub.joinLeaveGroups.<pattern>} and {@code webpubsub.sendToGroups.<pattern>} forms. REST grants are
 * stored as the equivalent roles.
 */
final class Permissions {

	static final String JOIN_LEAVE_GROUP = "joinLeaveGroup";

	static final String SEND_TO_GROUP = "sendToGroup";

	private static final String PREFIX = "webpubsub.";

	/** The service allows at most this many {@code *} in a wildcard group pattern. */
	private static final int MAX_WILDCARDS = 5;

	private final Set<String> roles = ConcurrentHashMap.newKeySet();

	Permissions(Collection<String> roles) {
		this.roles.addAll(roles);
	}

	/**
	 * Tells whether a permission is held for a group.
	 * @param permission {@link #JOIN_LEAVE_GROUP} or {@link #SEND_TO_GROUP}
	 * @param group the group, or {@code null} to check the permission for every group
	 * @return whether it is held
	 */
	boolean allows(String permission, @Nullable String group) {
		if (this.roles.contains(PREFIX + permission)) {
			return true;
		}
		if (group == null) {
			return false;
		}
		if (this.roles.contains(PREFIX + permission + "." + group)) {
			return true;
		}
		String wildcardPrefix = PREFIX + permission + "s.";
		for (String role : this.roles) {
			if (role.startsWith(wildcardPrefix)) {
				Pattern pattern = compile(role.substring(wildcardPrefix.length()));
				if (pattern != null && pattern.matcher(group).matches()) {
					return true;
				}
			}
		}
		return false;
	}

	void addRole(String role) {
		this.roles.add(role);
	}

	void grant(String permission, @Nullable String group) {
		this.roles.add(role(permission, group));
	}

	void revoke(String permission, @Nullable String group) {
		this.roles.remove(role(permission, group));
	}

	static boolean isPermission(String name) {
		return JOIN_LEAVE_GROUP.equals(name) || SEND_TO_GROUP.equals(name);
	}

	private static String role(String permission, @Nullable String group) {
		return PREFIX + permission + ((group != null) ? "." + group : "");
	}

	/**
	 * Compiles a wildcard group pattern: {@code ?} one character except {@code .}, {@code *} any number of
	 * characters except {@code .}, {@code **} any number of characters, {@code \} escapes the next character.
	 * @param pattern the pattern
	 * @return the regular expression, or {@code null} if the pattern is invalid
	 */
	static @Nullable Pattern compile(String pattern) {
		StringBuilder regex = new StringBuilder();
		int wildcards = 0;
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '\\') {
				if (i + 1 == pattern.length()) {
					return null;
				}
				regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
			}
			else if (c == '*') {
				wildcards++;
				if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
					regex.append(".*");
					i++;
				}
				else {
					regex.append("[^.]*");
				}
			}
			else if (c == '?') {
				regex.append("[^.]");
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return (wildcards > MAX_WILDCARDS) ? null : Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

}
