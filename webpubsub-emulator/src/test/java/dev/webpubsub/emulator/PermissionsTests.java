package dev.webpubsub.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role rules of a connection: global, per-group and wildcard roles, and REST grants.
 */
class PermissionsTests {

	@Test
	void questionMarkMatchesOneCharacterExceptTheSeparator() {
		Permissions permissions = new Permissions(List.of("webpubsub.joinLeaveGroups.room?"));
		assertThat(permissions.allows(Permissions.JOIN_LEAVE_GROUP, "room1")).isTrue();
		assertThat(permissions.allows(Permissions.JOIN_LEAVE_GROUP, "room")).isFalse();
		assertThat(permissions.allows(Permissions.JOIN_LEAVE_GROUP, "room12")).isFalse();
		assertThat(permissions.allows(Permissions.JOIN_LEAVE_GROUP, "room.")).isFalse();
	}

	@Test
	void starStopsAtTheSeparatorAndDoubleStarCrossesIt() {
		Permissions permissions = new Permissions(
				List.of("webpubsub.sendToGroups.a.*.c", "webpubsub.sendToGroups.x.**"));
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "a.b.c")).isTrue();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "a..c")).isTrue();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "a.b.b.c")).isFalse();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "x.1.2.3")).isTrue();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "x.")).isTrue();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "y.1")).isFalse();
	}

	@Test
	void backslashEscapesWildcardsAndItself() {
		Permissions permissions = new Permissions(List.of("webpubsub.sendToGroups.a\\*b\\?\\\\"));
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "a*b?\\")).isTrue();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "axb?\\")).isFalse();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "a*bx\\")).isFalse();
	}

	@Test
	void patternsWithMoreThanFiveStarsGrantNothing() {
		assertThat(Permissions.compile("*.*.*.*.*")).isNotNull();
		assertThat(Permissions.compile("*.*.*.*.*.*")).isNull();
		Permissions permissions = new Permissions(List.of("webpubsub.sendToGroups.*.*.*.*.*.*"));
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "a.b.c.d.e.f")).isFalse();
	}

	@Test
	void patternsAreCaseSensitiveAndScopedToTheirPermission() {
		Permissions permissions = new Permissions(List.of("webpubsub.joinLeaveGroups.Room*"));
		assertThat(permissions.allows(Permissions.JOIN_LEAVE_GROUP, "Room1")).isTrue();
		assertThat(permissions.allows(Permissions.JOIN_LEAVE_GROUP, "room1")).isFalse();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "Room1")).isFalse();
	}

	@Test
	void perGroupRolesGrantOnlyThatGroupAndGlobalRolesEveryGroup() {
		Permissions permissions = new Permissions(List.of("webpubsub.sendToGroup.lobby", "webpubsub.joinLeaveGroup"));
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "lobby")).isTrue();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "lobby2")).isFalse();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, null)).isFalse();
		assertThat(permissions.allows(Permissions.JOIN_LEAVE_GROUP, "any")).isTrue();
		assertThat(permissions.allows(Permissions.JOIN_LEAVE_GROUP, null)).isTrue();
	}

	@Test
	void grantsAndRevokesForOneGroupOrEveryGroup() {
		Permissions permissions = new Permissions(List.of());
		permissions.grant(Permissions.SEND_TO_GROUP, "g");
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "g")).isTrue();
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "h")).isFalse();
		permissions.grant(Permissions.SEND_TO_GROUP, null);
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "h")).isTrue();
		permissions.revoke(Permissions.SEND_TO_GROUP, null);
		permissions.revoke(Permissions.SEND_TO_GROUP, "g");
		assertThat(permissions.allows(Permissions.SEND_TO_GROUP, "g")).isFalse();
	}

}
