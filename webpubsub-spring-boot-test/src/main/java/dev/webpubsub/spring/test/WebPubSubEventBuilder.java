package dev.webpubsub.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builder of one upstream request of the Web PubSub service: the CloudEvents headers, the signature, the
 * connection states ({@code ce-connectionState}, .NET encoding) and the body. Finish it with
 * {@link #toMockMvc()} or {@link #exchange(WebTestClient)}, or read {@link #headers()} and {@link #body()}.
 * Headers can be removed or overridden to test rejections.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class WebPubSubEventBuilder {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpMethod method = HttpMethod.POST;

	private String path = "/eventhandler";

	private final String hub;

	private final String type;

	private final String eventName;

	private String connectionId = "connection1";

	private @Nullable String userId;

	private String origin = "localhost";

	private final List<String> accessKeys = new ArrayList<>();

	private @Nullable String signature;

	private final Map<String, byte[]> states = new LinkedHashMap<>();

	private byte @Nullable [] data;

	private @Nullable String contentType;

	private final ObjectNode fields = JSON.createObjectNode();

	private final Map<String, List<String>> extraHeaders = new LinkedHashMap<>();

	private final Set<String> removedHeaders = new LinkedHashSet<>();

	WebPubSubEventBuilder(String hub, String type, String eventName) {
		this.hub = hub;
		this.type = type;
		this.eventName = eventName;
	}

	static WebPubSubEventBuilder preflight(String origin) {
		WebPubSubEventBuilder builder = new WebPubSubEventBuilder("", "", "");
		builder.method = HttpMethod.OPTIONS;
		builder.origin = origin;
		return builder;
	}

	/**
	 * Sets the path of the webhook endpoint; the default is {@code /eventhandler}.
	 * @param path the path
	 * @return this builder
	 */
	public WebPubSubEventBuilder path(String path) {
		this.path = path;
		return this;
	}

	/**
	 * Sets the HTTP method; the default is {@code POST}.
	 * @param method the method
	 * @return this builder
	 */
	public WebPubSubEventBuilder method(HttpMethod method) {
		this.method = method;
		return this;
	}

	/**
	 * Sets the connection id; the default is {@code connection1}.
	 * @param connectionId the connection id
	 * @return this builder
	 */
	public WebPubSubEventBuilder connectionId(String connectionId) {
		this.connectionId = connectionId;
		return this;
	}

	/**
	 * Sets the user id ({@code ce-userId}).
	 * @param userId the user id
	 * @return this builder
	 */
	public WebPubSubEventBuilder userId(String userId) {
		this.userId = userId;
		return this;
	}

	/**
	 * Sets the origin ({@code WebHook-Request-Origin}), the service host; the default is {@code localhost}.
	 * @param origin the origin
	 * @return this builder
	 */
	public WebPubSubEventBuilder origin(String origin) {
		this.origin = origin;
		return this;
	}

	/**
	 * Signs the request with access keys, one {@code sha256=} value per key as the service does with its primary
	 * and secondary keys.
	 * @param accessKeys the access keys
	 * @return this builder
	 */
	public WebPubSubEventBuilder signedWith(String... accessKeys) {
		this.accessKeys.addAll(List.of(accessKeys));
		return this;
	}

	/**
	 * Takes the origin and access key from a connection string, as the service of that connection would send.
	 * @param connectionString the connection string, {@code Endpoint=...;AccessKey=...;}
	 * @return this builder
	 */
	public WebPubSubEventBuilder from(String connectionString) {
		for (String part : connectionString.split(";")) {
			int equals = part.indexOf('=');
			if (equals > 0) {
				String key = part.substring(0, equals).trim();
				String value = part.substring(equals + 1).trim();
				if (key.equalsIgnoreCase("Endpoint")) {
					this.origin = URI.create(value).getHost();
				}
				else if (key.equalsIgnoreCase("AccessKey")) {
					this.accessKeys.add(value);
				}
			}
		}
		return this;
	}

	/**
	 * Sets the raw {@code ce-signature} value instead of computing it.
	 * @param signature the header value
	 * @return this builder
	 */
	public WebPubSubEventBuilder signature(String signature) {
		this.signature = signature;
		return this;
	}

	/**
	 * Marks the request as coming from an MQTT client: {@code ce-subprotocol: mqtt} and
	 * {@code ce-physicalConnectionId}; a {@code connect} body gets an {@code mqtt} object.
	 * @param physicalConnectionId the physical connection id
	 * @param protocolVersion the MQTT protocol version, 4 or 5
	 * @return this builder
	 */
	public WebPubSubEventBuilder mqtt(String physicalConnectionId, int protocolVersion) {
		header("ce-subprotocol", "mqtt");
		header("ce-physicalConnectionId", physicalConnectionId);
		if (this.eventName.equals("connect")) {
			object(this.fields, "mqtt").put("protocolVersion", protocolVersion);
			this.fields.putArray("subprotocols").add("mqtt");
		}
		return this;
	}

	/**
	 * Sets the user name and password of the CONNECT packet in an MQTT {@code connect} body.
	 * @param username the user name
	 * @param password the password
	 * @return this builder
	 */
	public WebPubSubEventBuilder mqttCredentials(String username, String password) {
		object(this.fields, "mqtt").put("username", username).put("password", password);
		return this;
	}

	/**
	 * Adds a user property of the CONNECT packet to an MQTT {@code connect} body.
	 * @param name the name
	 * @param value the value
	 * @return this builder
	 */
	public WebPubSubEventBuilder mqttUserProperty(String name, String value) {
		array(object(this.fields, "mqtt"), "userProperties").addObject().put("name", name).put("value", value);
		return this;
	}

	/**
	 * Describes how an MQTT client went away, in an MQTT {@code disconnected} body.
	 * @param initiatedByClient whether the client sent a DISCONNECT packet
	 * @param code the reason code of that packet, such as 128
	 * @return this builder
	 */
	public WebPubSubEventBuilder mqttDisconnect(boolean initiatedByClient, int code) {
		ObjectNode mqtt = object(this.fields, "mqtt").put("initiatedByClient", initiatedByClient);
		object(mqtt, "disconnectPacket").put("code", code);
		return this;
	}

	/**
	 * Sets the MQTT session id ({@code ce-sessionId}).
	 * @param sessionId the session id
	 * @return this builder
	 */
	public WebPubSubEventBuilder sessionId(String sessionId) {
		return header("ce-sessionId", sessionId);
	}

	/**
	 * Adds a connection state, sent in {@code ce-connectionState} with the .NET encoding.
	 * @param key the key
	 * @param value the value, as UTF-8
	 * @return this builder
	 */
	public WebPubSubEventBuilder state(String key, String value) {
		this.states.put(key, value.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/**
	 * Sets a text body ({@code text/plain}).
	 * @param text the text
	 * @return this builder
	 */
	public WebPubSubEventBuilder text(String text) {
		return body(text.getBytes(StandardCharsets.UTF_8), "text/plain");
	}

	/**
	 * Sets a JSON body ({@code application/json}).
	 * @param json the JSON text
	 * @return this builder
	 */
	public WebPubSubEventBuilder json(String json) {
		return body(json.getBytes(StandardCharsets.UTF_8), "application/json");
	}

	/**
	 * Sets a binary body ({@code application/octet-stream}).
	 * @param data the data
	 * @return this builder
	 */
	public WebPubSubEventBuilder binary(byte[] data) {
		return body(data, "application/octet-stream");
	}

	/**
	 * Sets the raw body and its content type, replacing the body the event would have.
	 * @param body the body
	 * @param contentType the content type
	 * @return this builder
	 */
	public WebPubSubEventBuilder body(byte[] body, String contentType) {
		this.data = body.clone();
		this.contentType = contentType;
		return this;
	}

	/**
	 * Adds a claim to a {@code connect} body.
	 * @param type the claim type
	 * @param values the values
	 * @return this builder
	 */
	public WebPubSubEventBuilder claim(String type, String... values) {
		return addToMap("claims", type, values);
	}

	/**
	 * Adds a query parameter to a {@code connect} body.
	 * @param name the name
	 * @param values the values
	 * @return this builder
	 */
	public WebPubSubEventBuilder query(String name, String... values) {
		return addToMap("query", name, values);
	}

	/**
	 * Adds a client request header to a {@code connect} body.
	 * @param name the name
	 * @param values the values
	 * @return this builder
	 */
	public WebPubSubEventBuilder clientHeader(String name, String... values) {
		return addToMap("headers", name, values);
	}

	/**
	 * Sets the subprotocols of a {@code connect} body.
	 * @param subprotocols the subprotocols
	 * @return this builder
	 */
	public WebPubSubEventBuilder subprotocols(String... subprotocols) {
		ArrayNode array = this.fields.putArray("subprotocols");
		List.of(subprotocols).forEach(array::add);
		return this;
	}

	/**
	 * Adds a client certificate to a {@code connect} body.
	 * @param thumbprint the thumbprint
	 * @param content the PEM content
	 * @return this builder
	 */
	public WebPubSubEventBuilder clientCertificate(String thumbprint, String content) {
		array(this.fields, "clientCertificates").addObject().put("thumbprint", thumbprint).put("content", content);
		return this;
	}

	/**
	 * Sets the reason of a {@code disconnected} body.
	 * @param reason the reason
	 * @return this builder
	 */
	public WebPubSubEventBuilder reason(String reason) {
		this.fields.put("reason", reason);
		return this;
	}

	/**
	 * Sets the group of a group presence body.
	 * @param group the group
	 * @return this builder
	 */
	public WebPubSubEventBuilder group(String group) {
		this.fields.put("group", group);
		return this;
	}

	/**
	 * Adds or replaces a header.
	 * @param name the name
	 * @param values the values
	 * @return this builder
	 */
	public WebPubSubEventBuilder header(String name, String... values) {
		this.extraHeaders.put(name, List.of(values));
		this.removedHeaders.remove(name.toLowerCase(Locale.ROOT));
		return this;
	}

	/**
	 * Leaves a header out, to test how a request without it is treated.
	 * @param name the name, case-insensitive
	 * @return this builder
	 */
	public WebPubSubEventBuilder withoutHeader(String name) {
		this.removedHeaders.add(name.toLowerCase(Locale.ROOT));
		return this;
	}

	private WebPubSubEventBuilder addToMap(String field, String key, String... values) {
		ArrayNode array = object(this.fields, field).putArray(key);
		List.of(values).forEach(array::add);
		return this;
	}

	private static ObjectNode object(ObjectNode parent, String field) {
		return (parent.get(field) instanceof ObjectNode existing) ? existing : parent.putObject(field);
	}

	private static ArrayNode array(ObjectNode parent, String field) {
		return (parent.get(field) instanceof ArrayNode existing) ? existing : parent.putArray(field);
	}

	/**
	 * Returns the HTTP method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * Returns the path.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Returns the headers of the request.
	 * @return the headers
	 */
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("WebHook-Request-Origin", this.origin);
		if (this.method != HttpMethod.OPTIONS) {
			headers.set("ce-specversion", "1.0");
			headers.set("ce-awpsversion", "1.0");
			headers.set("ce-type", this.type);
			headers.set("ce-source", "/hubs/" + this.hub + "/client/" + this.connectionId);
			headers.set("ce-id", "1");
			headers.set("ce-hub", this.hub);
			headers.set("ce-connectionId", this.connectionId);
			headers.set("ce-eventName", this.eventName);
			if (this.userId != null) {
				headers.set("ce-userId", this.userId);
			}
			String signatureValue = signatureValue();
			if (signatureValue != null) {
				headers.set("ce-signature", signatureValue);
			}
			if (!this.states.isEmpty()) {
				headers.set("ce-connectionState", encodeStates());
			}
			headers.setContentType(MediaType.parseMediaType(contentType()));
		}
		else {
			headers.set("ce-awpsversion", "1.0");
		}
		this.extraHeaders.forEach(headers::put);
		this.removedHeaders.forEach(headers::remove);
		return headers;
	}

	/**
	 * Returns the body of the request.
	 * @return the body
	 */
	public byte[] body() {
		if (this.method == HttpMethod.OPTIONS) {
			return new byte[0];
		}
		if (this.data != null) {
			return this.data.clone();
		}
		return JSON.writeValueAsBytes(this.fields);
	}

	private String contentType() {
		return (this.contentType != null) ? this.contentType : "application/json; charset=utf-8";
	}

	private @Nullable String signatureValue() {
		if (this.signature != null) {
			return this.signature;
		}
		if (this.accessKeys.isEmpty()) {
			return null;
		}
		return String.join(",", this.accessKeys.stream().map((key) -> sign(this.connectionId, key)).toList());
	}

	private String encodeStates() {
		ObjectNode object = JSON.createObjectNode();
		this.states.forEach((key, value) -> object.put(key, Base64.getEncoder().encodeToString(value)));
		return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(object));
	}

	static String sign(String connectionId, String accessKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(accessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Builds a MockMvc request.
	 * @return the request builder
	 */
	public MockHttpServletRequestBuilder toMockMvc() {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(this.method, this.path);
		HttpHeaders headers = headers();
		request.headers(headers);
		byte[] body = body();
		if (body.length > 0) {
			request.content(body);
		}
		return request;
	}

	/**
	 * Sends the request with a WebTestClient.
	 * @param client the client
	 * @return the response spec
	 */
	public WebTestClient.ResponseSpec exchange(WebTestClient client) {
		HttpHeaders headers = headers();
		byte[] body = body();
		WebTestClient.RequestBodySpec request = client.method(this.method)
			.uri(this.path)
			.headers((target) -> target.addAll(headers));
		return (body.length > 0) ? request.bodyValue(body).exchange() : request.exchange();
	}

	@Override
	public String toString() {
		return "WebPubSubEventBuilder[" + this.method + " " + this.path + ", type=" + this.type + ", hub=" + this.hub
				+ "]";
	}

}
