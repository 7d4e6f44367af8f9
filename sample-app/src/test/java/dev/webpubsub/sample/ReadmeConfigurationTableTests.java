package dev.webpubsub.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the README's configuration table against the configuration metadata of every starter module on the
 * sample's class path, so that the table lists every key with its default and nothing else.
 */
class ReadmeConfigurationTableTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|.+\\|\\s*$",
			Pattern.MULTILINE);

	private static Map<String, JsonNode> properties;

	private static Map<String, String> table;

	@BeforeAll
	static void read() throws IOException {
		properties = metadataProperties();
		table = readmeTable();
	}

	@Test
	void metadataAndTableAreFound() {
		assertThat(properties).containsKeys("web-pub-sub-connection-string", "web-pub-sub-hub");
		assertThat(table).containsKeys("WebPubSubConnectionString", "WebPubSubHub");
	}

	@Test
	void tableListsEveryKey() {
		assertThat(table.keySet()).as("keys in the README's configuration table")
			.containsAll(properties.keySet().stream().map(ReadmeConfigurationTableTests::readmeName).toList());
	}

	@Test
	void tableListsNoUnknownKey() {
		assertThat(properties.keySet().stream().map(ReadmeConfigurationTableTests::readmeName).toList())
			.as("keys in the configuration metadata")
			.containsAll(table.keySet());
	}

	@Test
	void tableShowsEveryDefault() {
		List<String> wrong = new ArrayList<>();
		properties.forEach((name, property) -> {
			JsonNode defaultValue = property.get("defaultValue");
			String shown = table.get(readmeName(name));
			if (defaultValue != null && shown != null && !shown.contains(expectedDefault(defaultValue))) {
				wrong.add(readmeName(name) + ": README shows '" + shown + "', metadata says " + defaultValue);
			}
		});
		assertThat(wrong).as("defaults in the README's configuration table").isEmpty();
	}

	@Test
	void functionsNamesAppearAsFunctionsUsersWriteThem() {
		assertThat(readmeName("web-pub-sub-connection-string.managed-identity-resource-id"))
			.isEqualTo("WebPubSubConnectionString.managedIdentityResourceId");
		assertThat(readmeName("webpubsub.negotiate.token-time-to-live"))
			.isEqualTo("webpubsub.negotiate.token-time-to-live");
	}

	/**
	 * The Functions setting names appear as Functions users write them: {@code web-pub-sub-connection-string.
	 * service-uri} is {@code WebPubSubConnectionString.serviceUri}.
	 */
	static String readmeName(String name) {
		if (!name.startsWith("web-pub-sub-")) {
			return name;
		}
		String[] segments = name.split("\\.");
		StringBuilder readme = new StringBuilder();
		for (int i = 0; i < segments.length; i++) {
			readme.append((i > 0) ? "." : "");
			String[] words = segments[i].split("-");
			for (int w = 0; w < words.length; w++) {
				boolean capital = i == 0 || w > 0;
				readme.append(capital ? Character.toUpperCase(words[w].charAt(0)) : words[w].charAt(0))
					.append(words[w].substring(1));
			}
		}
		return readme.toString();
	}

	private static String expectedDefault(JsonNode defaultValue) {
		if (defaultValue.isArray()) {
			List<String> values = new ArrayList<>();
			defaultValue.forEach((value) -> values.add(value.asString()));
			return String.join(", ", values);
		}
		return defaultValue.asString();
	}

	private static Map<String, JsonNode> metadataProperties() throws IOException {
		JsonMapper jsonMapper = JsonMapper.builder().build();
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (URL url : Collections.list(ReadmeConfigurationTableTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : jsonMapper.readTree(in).path("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("webpubsub.") || name.startsWith("web-pub-sub-")) {
						properties.put(name, property);
					}
				}
			}
		}
		return properties;
	}

	private static Map<String, String> readmeTable() throws IOException {
		String readme = Files.readString(README);
		int start = readme.indexOf("## Configuration");
		assertThat(start).as("README section '## Configuration'").isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		String section = readme.substring(start, (end < 0) ? readme.length() : end);
		Map<String, String> rows = new LinkedHashMap<>();
		Matcher row = ROW.matcher(section);
		while (row.find()) {
			rows.put(row.group(1), row.group(2).strip());
		}
		return rows;
	}

}
