package dev.webpubsub.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The OData filter grammar of the REST API.
 */
class ODataFilterTests {

	private final ClientConnection alice = connection("c1", "alice", "g1", "g2");

	private final ClientConnection bob = connection("c2", "bob");

	private final ClientConnection anonymous = connection("c3", null, "g1");

	@Test
	void comparesIdentifiers() {
		assertThat(matching("userId eq 'alice'")).containsExactly(this.alice);
		assertThat(matching("userId ne 'alice'")).containsExactly(this.bob, this.anonymous);
		assertThat(matching("connectionId gt 'c1'")).containsExactly(this.bob, this.anonymous);
		assertThat(matching("userId eq null")).containsExactly(this.anonymous);
		assertThat(matching("connectionId ge 'c2'")).containsExactly(this.bob, this.anonymous);
		assertThat(matching("connectionId lt 'c2'")).containsExactly(this.alice);
		assertThat(matching("connectionId le 'c2'")).containsExactly(this.alice, this.bob);
	}

	@Test
	void comparesIntegerAndBooleanLiterals() {
		assertThat(matching("length(groups) ge 1 and length(groups) lt 2")).containsExactly(this.anonymous);
		assertThat(matching("length(groups) le 0")).containsExactly(this.bob);
		assertThat(matching("startswith(userId, 'b') eq true")).containsExactly(this.bob);
		assertThat(matching("contains(connectionId, 'c') ne false")).containsExactly(this.alice, this.bob,
				this.anonymous);
	}

	@Test
	void filtersOnTheProtocol() {
		this.bob.select("json.webpubsub.azure.v1");
		assertThat(matching("protocol eq 'json.webpubsub.azure.v1'")).containsExactly(this.bob);
		assertThat(matching("protocol eq null")).containsExactly(this.alice, this.anonymous);
	}

	@Test
	void supportsInWithListsAndCollections() {
		assertThat(matching("userId in ('alice', 'bob')")).containsExactly(this.alice, this.bob);
		assertThat(matching("'g1' in groups")).containsExactly(this.alice, this.anonymous);
		assertThat(matching("userId in ('u1','u2') and 'g1' in groups")).isEmpty();
	}

	@Test
	void combinesWithPrecedenceAndParentheses() {
		assertThat(matching("userId eq 'bob' or userId eq 'alice' and 'g2' in groups")).containsExactly(this.alice,
				this.bob);
		assertThat(matching("(userId eq 'bob' or userId eq 'alice') and not ('g2' in groups)"))
			.containsExactly(this.bob);
		assertThat(matching("not 'g1' in groups")).containsExactly(this.bob);
	}

	@Test
	void appliesFunctions() {
		assertThat(matching("startswith(userId, 'al')")).containsExactly(this.alice);
		assertThat(matching("endswith(userId, 'ob')")).containsExactly(this.bob);
		assertThat(matching("contains(userId, 'lic')")).containsExactly(this.alice);
		assertThat(matching("tolower(toupper(userId)) eq 'bob'")).containsExactly(this.bob);
		assertThat(matching("length(groups) eq 2")).containsExactly(this.alice);
		assertThat(matching("length(userId) gt 3")).containsExactly(this.alice);
		assertThat(matching("substring(userId, 1) eq 'lice'")).containsExactly(this.alice);
		assertThat(matching("substring(userId, 0, 2) eq 'bo'")).containsExactly(this.bob);
		assertThat(matching("indexof(userId, 'b') eq 0")).containsExactly(this.bob);
		assertThat(matching("concat(userId, '!') eq 'bob!'")).containsExactly(this.bob);
		assertThat(matching("trim(' x ') eq 'x' and userId eq 'bob'")).containsExactly(this.bob);
	}

	@Test
	void unescapesDoubledQuotes() {
		ClientConnection quoted = connection("c4", "o'neil");
		assertThat(ODataFilter.parse("userId eq 'o''neil'").matches(quoted)).isTrue();
	}

	@Test
	void rejectsInvalidFilters() {
		assertThatIllegalArgumentException().isThrownBy(() -> ODataFilter.parse("userId eq"))
			.withMessageContaining("Invalid filter");
		assertThatIllegalArgumentException().isThrownBy(() -> ODataFilter.parse("unknown eq 'x'"))
			.withMessageContaining("unknown identifier");
		assertThatIllegalArgumentException().isThrownBy(() -> ODataFilter.parse("userId eq 'open"))
			.withMessageContaining("unterminated");
		assertThatIllegalArgumentException().isThrownBy(() -> ODataFilter.parse("nosuch(userId)"))
			.withMessageContaining("unknown function");
		assertThatIllegalArgumentException().isThrownBy(() -> ODataFilter.parse("userId eq 'a' extra"))
			.withMessageContaining("unexpected text");
		String tooMany = String.join(" or ", java.util.Collections.nCopies(101, "userId eq 'a'"));
		assertThatIllegalArgumentException().isThrownBy(() -> ODataFilter.parse(tooMany))
			.withMessageContaining("too many clauses");
	}

	private List<ClientConnection> matching(String filter) {
		ODataFilter parsed = ODataFilter.parse(filter);
		return List.of(this.alice, this.bob, this.anonymous).stream().filter(parsed::matches).toList();
	}

	private static ClientConnection connection(String id, String userId, String... groups) {
		ClientConnection connection = new ClientConnection(id, "hub", userId, new Permissions(List.of()), "token",
				ClientConnection.SimpleClientMode.SEND_EVENT);
		connection.groups().addAll(List.of(groups));
		return connection;
	}

}
