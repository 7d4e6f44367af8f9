package dev.webpubsub.spring.test;

/**
 * Entry point of the test support: builders of the upstream requests the Web PubSub service sends to an
 * application's webhook endpoint, with correct {@code ce-*} headers and signatures.
 * <pre class="code">
 * mockMvc.perform(WebPubSubEvents.userEvent("chat", "message")
 *     .connectionId("c1").userId("alice").text("hi")
 *     .signedWith(accessKey).toMockMvc());
 * </pre>
 *
 * @author Web PubSub for Spring Boot team
 */
public final class WebPubSubEvents {

	private WebPubSubEvents() {
	}

	/**
	 * Starts a {@code connect} event (JSON body with claims, query, headers, subprotocols and certificates).
	 * @param hub the hub
	 * @return a builder
	 */
	public static WebPubSubEventBuilder connect(String hub) {
		return new WebPubSubEventBuilder(hub, "azure.webpubsub.sys.connect", "connect");
	}

	/**
	 * Starts a {@code connected} event.
	 * @param hub the hub
	 * @return a builder
	 */
	public static WebPubSubEventBuilder connected(String hub) {
		return new WebPubSubEventBuilder(hub, "azure.webpubsub.sys.connected", "connected");
	}

	/**
	 * Starts a {@code disconnected} event; set the reason with {@link WebPubSubEventBuilder#reason(String)}.
	 * @param hub the hub
	 * @return a builder
	 */
	public static WebPubSubEventBuilder disconnected(String hub) {
		return new WebPubSubEventBuilder(hub, "azure.webpubsub.sys.disconnected", "disconnected");
	}

	/**
	 * Starts a user event; set its data with {@link WebPubSubEventBuilder#text(String)},
	 * {@link WebPubSubEventBuilder#json(String)} or {@link WebPubSubEventBuilder#binary(byte[])}.
	 * @param hub the hub
	 * @param eventName the event name, such as {@code message}
	 * @return a builder
	 */
	public static WebPubSubEventBuilder userEvent(String hub, String eventName) {
		return new WebPubSubEventBuilder(hub, "azure.webpubsub.user." + eventName, eventName);
	}

	/**
	 * Starts a group presence event ({@code azure.webpubsub.gp.joined} or {@code left}).
	 * @param hub the hub
	 * @param joined {@code true} for {@code joined}, {@code false} for {@code left}
	 * @param group the group
	 * @return a builder
	 */
	public static WebPubSubEventBuilder groupPresence(String hub, boolean joined, String group) {
		String name = joined ? "joined" : "left";
		return new WebPubSubEventBuilder(hub, "azure.webpubsub.gp." + name, name).group(group);
	}

	/**
	 * Starts the abuse-protection handshake: an {@code OPTIONS} request with {@code WebHook-Request-Origin}.
	 * @param origin the origin, the service host
	 * @return a builder
	 */
	public static WebPubSubEventBuilder abuseProtection(String origin) {
		return WebPubSubEventBuilder.preflight(origin);
	}

	/**
	 * Computes the {@code ce-signature} value of one access key: {@code sha256=} + hex HMAC-SHA256 of the
	 * connection id.
	 * @param connectionId the connection id
	 * @param accessKey the access key
	 * @return the signature
	 */
	public static String signature(String connectionId, String accessKey) {
		return WebPubSubEventBuilder.sign(connectionId, accessKey);
	}

}
