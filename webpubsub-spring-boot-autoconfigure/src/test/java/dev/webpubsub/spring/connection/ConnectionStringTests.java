package dev.webpubsub.spring.connection;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ConnectionString}, with the vectors of the Azure Functions extension's tests.
 */
class ConnectionStringTests {

	private static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

	@Test
	void parsesEndpointAndAccessKey() {
		ConnectionString parsed = ConnectionString
			.parse("Endpoint=https://test.webpubsub.azure.com;AccessKey=" + KEY + ";Version=1.0;");
		assertThat(parsed.endpoint()).isEqualTo(URI.create("https://test.webpubsub.azure.com"));
		assertThat(parsed.accessKey()).isEqualTo(KEY);
		assertThat(parsed.isIdentityBased()).isFalse();
	}

	@Test
	void treatsAConnectionStringWithoutAccessKeyAsIdentityBased() {
		ConnectionString parsed = ConnectionString.parse("Endpoint=https://test.webpubsub.azure.com");
		assertThat(parsed.accessKey()).isNull();
		assertThat(parsed.isIdentityBased()).isTrue();
		assertThat(ConnectionString.parse("Endpoint=https://test.webpubsub.azure.com;AccessKey=;").isIdentityBased())
			.isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t" })
	void rejectsAnEmptyValue(String value) {
		assertThatExceptionOfType(InvalidConnectionStringException.class).isThrownBy(() -> ConnectionString.parse(value))
			.withMessage("Connection string is empty.");
	}

	@Test
	void requiresEndpoint() {
		assertThatExceptionOfType(InvalidConnectionStringException.class)
			.isThrownBy(() -> ConnectionString.parse("AccessKey=testkey"))
			.withMessageContaining("Required property not found in connection string: Endpoint");
		assertThatExceptionOfType(InvalidConnectionStringException.class)
			.isThrownBy(() -> ConnectionString.parse("Endpoint=;AccessKey=testkey"))
			.withMessageContaining("Required property not found in connection string: Endpoint");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "65536", "70000", "abc", "" })
	void rejectsInvalidPorts(String port) {
		assertThatExceptionOfType(InvalidConnectionStringException.class)
			.isThrownBy(() -> ConnectionString.parse("Endpoint=http://localhost;Port=" + port + ";AccessKey=" + KEY))
			.withMessage("Invalid Port value: " + port);
	}

	@Test
	void describesAPortValueThatIsNoPortWithoutPrintingIt() {
		assertThatExceptionOfType(InvalidConnectionStringException.class)
			.isThrownBy(() -> ConnectionString.parse("Endpoint=http://localhost;Port=8080AccessKey=" + KEY))
			.withMessage("Invalid Port value: not a number from 1 to 65535.");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 80, 443, 8080, 65535 })
	void replacesTheEndpointPortWithPort(int port) {
		assertThat(ConnectionString.parse("Endpoint=http://localhost:1234;Port=" + port + ";AccessKey=" + KEY).endpoint())
			.isEqualTo(URI.create("http://localhost:" + port));
	}

	@Test
	void rejectsDuplicateKeysWhateverTheirCase() {
		assertThatExceptionOfType(InvalidConnectionStringException.class)
			.isThrownBy(() -> ConnectionString
				.parse("Endpoint=https://a.example;AccessKey=" + KEY + ";accesskey=" + KEY + "x"))
			.withMessage("Duplicate properties found in connection string: accesskey.");
	}

	@Test
	void matchesKeysCaseInsensitivelyAndTrimsThem() {
		ConnectionString parsed = ConnectionString
			.parse(" endpoint = https://a.example ; ACCESSKEY=" + KEY + " ; port=8080 ; version=1.0");
		assertThat(parsed.endpoint()).isEqualTo(URI.create("https://a.example:8080"));
		assertThat(parsed.accessKey()).isEqualTo(KEY);
	}

	@Test
	void splitsEntriesOnTheFirstEqualsSign() {
		assertThat(ConnectionString.parse("Endpoint=https://a.example;AccessKey=abc==;").accessKey()).isEqualTo("abc==");
		assertThat(ConnectionString.parse("Endpoint=https://a.example;AccessKey=a=b=c").accessKey()).isEqualTo("a=b=c");
	}

	@Test
	void skipsEntriesWithoutEqualsSignAndIgnoresVersionAndUnknownKeys() {
		ConnectionString parsed = ConnectionString
			.parse("Endpoint=https://a.example;;garbage;Version=2.0;Unknown=x;AccessKey=" + KEY);
		assertThat(parsed.endpoint()).isEqualTo(URI.create("https://a.example"));
		assertThat(parsed.accessKey()).isEqualTo(KEY);
	}

	@Test
	void trimsTrailingSlashesOfTheEndpoint() {
		assertThat(ConnectionString.parse("Endpoint=https://a.example/;AccessKey=" + KEY).endpoint())
			.isEqualTo(URI.create("https://a.example"));
		assertThat(ConnectionString.parse("Endpoint=https://a.example//;AccessKey=" + KEY).endpoint())
			.isEqualTo(URI.create("https://a.example"));
	}

	@Test
	void keepsThePortOfTheEndpoint() {
		assertThat(ConnectionString.parse("Endpoint=http://localhost:8080;AccessKey=" + KEY).endpoint())
			.isEqualTo(URI.create("http://localhost:8080"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://a.example", "ws://a.example", "a.example", "//a.example" })
	void acceptsOnlyHttpAndHttpsEndpoints(String endpoint) {
		assertThatExceptionOfType(InvalidConnectionStringException.class)
			.isThrownBy(() -> ConnectionString.parse("Endpoint=" + endpoint + ";AccessKey=" + KEY))
			.withMessage("Invalid Endpoint value: the scheme must be http or https.");
	}

	@Test
	void acceptsHttpAndHttpsInAnyCase() {
		assertThat(ConnectionString.parse("Endpoint=HTTP://a.example;AccessKey=" + KEY).endpoint().getHost())
			.isEqualTo("a.example");
		assertThat(ConnectionString.parse("Endpoint=Https://a.example;AccessKey=" + KEY).endpoint().getHost())
			.isEqualTo("a.example");
	}

	@Test
	void rejectsEndpointsWithoutHostOrWithInvalidSyntax() {
		assertThatExceptionOfType(InvalidConnectionStringException.class)
			.isThrownBy(() -> ConnectionString.parse("Endpoint=https://;AccessKey=" + KEY))
			.withMessageStartingWith("Invalid Endpoint value");
		assertThatExceptionOfType(InvalidConnectionStringException.class)
			.isThrownBy(() -> ConnectionString.parse("Endpoint=https://a b;AccessKey=" + KEY))
			.withMessage("Invalid Endpoint value: not a valid URL.");
	}

	@Test
	void neverPutsTheAccessKeyInAMessage() {
		String[] malformed = { "AccessKey=" + KEY, "Endpoint=ftp://x;AccessKey=" + KEY,
				"Endpoint=https://x;AccessKey=" + KEY + ";AccessKey=" + KEY, "Endpoint=https://x;Port=abc;AccessKey=" + KEY,
				"Endpoint=https://a b;AccessKey=" + KEY, "Endpoint=https://x," + KEY,
				"Endpoint=https://x;Port=AccessKey=" + KEY, "Endpoint=https://x;Port=8080AccessKey=" + KEY,
				"Endpoint=https://x;Port=" + KEY };
		for (String value : malformed) {
			assertThatExceptionOfType(InvalidConnectionStringException.class)
				.isThrownBy(() -> ConnectionString.parse(value))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(KEY));
		}
	}

	@Test
	void neverPutsTheAccessKeyInToString() {
		ConnectionString parsed = ConnectionString.parse("Endpoint=https://a.example;AccessKey=" + KEY);
		assertThat(parsed.toString()).doesNotContain(KEY).contains("https://a.example");
		assertThat(WebPubSubConnection.withAccessKey("c", parsed.endpoint(), KEY).toString()).doesNotContain(KEY);
	}

}
