package dev.webpubsub.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The client protocols the emulator speaks.
 */
enum ClientProtocol {

	/** Plain WebSocket frames, no subprotocol. */
	SIMPLE(null),

	/** {@code json.webpubsub.azure.v1}. */
	JSON("json.webpubsub.azure.v1"),

	/** {@code json.reliable.webpubsub.azure.v1}: sequence ids, acks and reconnection. */
	JSON_RELIABLE("json.reliable.webpubsub.azure.v1");

	private final @Nullable String subprotocol;

	ClientProtocol(@Nullable String subprotocol) {
		this.subprotocol = subprotocol;
	}

	@Nullable String subprotocol() {
		return this.subprotocol;
	}

	boolean isJson() {
		return this != SIMPLE;
	}

	/**
	 * Maps a selected subprotocol; unknown ones (chosen by a connect handler) behave like simple clients.
	 * @param subprotocol the selected subprotocol or {@code null}
	 * @return the protocol
	 */
	static ClientProtocol of(@Nullable String subprotocol) {
		for (ClientProtocol protocol : values()) {
			if (protocol.subprotocol != null && protocol.subprotocol.equals(subprotocol)) {
				return protocol;
			}
		}
		return SIMPLE;
	}

}
