package dev.webpubsub.spring.handler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

import dev.webpubsub.spring.event.WebPubSubClientProtocols;
import dev.webpubsub.spring.event.WebPubSubEventType;

/**
 * The CloudEvents attributes of an upstream request, read from its {@code ce-*} headers (names compared
 * case-insensitively).
 *
 * @author Web PubSub for Spring Boot team
 */
record CloudEventHeaders(String connectionId, String hub, String type, String eventName, List<String> origins,
		@Nullable String userId, @Nullable String signature, @Nullable String connectionState,
		@Nullable String subprotocol, @Nullable String physicalConnectionId, @Nullable String sessionId) {

	static final String CONNECTION_ID = "ce-connectionId";

	static final String HUB = "ce-hub";

	static final String TYPE = "ce-type";

	static final String EVENT_NAME = "ce-eventName";

	static final String ORIGIN = WebPubSubEventPipeline.REQUEST_ORIGIN;

	static final String USER_ID = "ce-userId";

	static final String SIGNATURE = "ce-signature";

	static final String CONNECTION_STATE = "ce-connectionState";

	static final String SUBPROTOCOL = "ce-subprotocol";

	static final String PHYSICAL_CONNECTION_ID = "ce-physicalConnectionId";

	static final String SESSION_ID = "ce-sessionId";

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");

	private static final List<String> REQUIRED = List.of(CONNECTION_ID, HUB, TYPE, EVENT_NAME, ORIGIN);

	private static final String SYSTEM_TYPE_PREFIX = "azure.webpubsub.sys.";

	private static final String GROUP_PRESENCE_TYPE_PREFIX = "azure.webpubsub.gp.";

	/**
	 * Reads the headers, each once.
	 * @param headers the request headers
	 * @return the attributes, or {@code null} when a required header is missing or blank (see
	 * {@link #findMissing(HttpHeaders)})
	 */
	static @Nullable CloudEventHeaders from(HttpHeaders headers) {
		String connectionId = joined(headers, CONNECTION_ID);
		String hub = joined(headers, HUB);
		String type = joined(headers, TYPE);
		String eventName = joined(headers, EVENT_NAME);
		List<String> origins = origins(headers);
		if (connectionId == null || hub == null || type == null || eventName == null || origins.isEmpty()) {
			return null;
		}
		return new CloudEventHeaders(connectionId, hub, type, eventName, origins, joined(headers, USER_ID),
				joined(headers, SIGNATURE), headers.getFirst(CONNECTION_STATE), joined(headers, SUBPROTOCOL),
				joined(headers, PHYSICAL_CONNECTION_ID), joined(headers, SESSION_ID));
	}

	/**
	 * Returns the first required header that is missing or blank, for the answer to a request that
	 * {@link #from(HttpHeaders)} could not read.
	 * @param headers the request headers
	 * @return the header name
	 */
	static String findMissing(HttpHeaders headers) {
		for (String name : REQUIRED) {
			if (joined(headers, name) == null) {
				return name;
			}
		}
		// An origin list of separators only names no origin.
		return ORIGIN;
	}

	/**
	 * Returns the origins of {@code WebHook-Request-Origin}: every value of the header, split on commas and spaces.
	 * @param headers the request headers
	 * @return the origins, empty when there are none
	 */
	static List<String> origins(HttpHeaders headers) {
		return splitList(joined(headers, ORIGIN));
	}

	/**
	 * Returns every value of a header joined with commas, as the Functions extension reads them.
	 */
	private static @Nullable String joined(HttpHeaders headers, String name) {
		List<String> values = headers.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		String value = ((values.size() == 1) ? values.get(0) : String.join(",", values)).trim();
		return value.isEmpty() ? null : value;
	}

	/**
	 * Splits a list of comma or space separated values, such as origins or signatures.
	 * @param value the header value
	 * @return the non-empty values
	 */
	static List<String> splitList(@Nullable String value) {
		if (value == null) {
			return List.of();
		}
		if (!containsSeparator(value)) {
			// The usual case, one origin or one signature: no need for the regular expression.
			return List.of(value);
		}
		List<String> values = new ArrayList<>();
		Arrays.stream(LIST_SEPARATOR.split(value)).filter((item) -> !item.isEmpty()).forEach(values::add);
		return values;
	}

	private static boolean containsSeparator(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || Character.isWhitespace(c)) {
				return true;
			}
		}
		return false;
	}

	WebPubSubEventType eventType() {
		return this.type.toLowerCase(Locale.ROOT).startsWith(SYSTEM_TYPE_PREFIX) ? WebPubSubEventType.SYSTEM
				: WebPubSubEventType.USER;
	}

	boolean isGroupPresence() {
		return this.type.toLowerCase(Locale.ROOT).startsWith(GROUP_PRESENCE_TYPE_PREFIX);
	}

	/**
	 * Returns the client protocol: MQTT when the subprotocol mentions {@code mqtt} and a physical connection id is
	 * present, as the Functions extension decides.
	 */
	WebPubSubClientProtocols clientProtocol() {
		boolean mqtt = this.subprotocol != null && this.subprotocol.toLowerCase(Locale.ROOT).contains("mqtt")
				&& this.physicalConnectionId != null;
		return mqtt ? WebPubSubClientProtocols.MQTT : WebPubSubClientProtocols.WEBPUBSUB;
	}

	@Override
	public String toString() {
		return "CloudEventHeaders[hub=" + this.hub + ", type=" + this.type + ", eventName=" + this.eventName
				+ ", connectionId=" + this.connectionId + "]";
	}

}
