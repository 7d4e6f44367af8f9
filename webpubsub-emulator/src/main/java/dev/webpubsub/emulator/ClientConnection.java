package dev.webpubsub.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * One logical client connection: its identity, groups and permissions, and the WebSocket it is currently attached
 * to. A reliable connection outlives a dropped WebSocket for the reconnection window and replays the messages the
 * client has not acknowledged.
 */
final class ClientConnection {

	/** Close code that tells reliable clients that the connection cannot be recovered. */
	static final int CLOSE_UNRECOVERABLE = 1008;

	private static final int MAX_CLOSE_REASON_BYTES = 123;

	/** Unacknowledged messages a reliable connection buffers before it gives up, as the service does. */
	private static final int MAX_UNACKED = 1000;

	private final String id;

	private final String hub;

	private volatile ClientProtocol protocol = ClientProtocol.SIMPLE;

	private volatile @Nullable String subprotocol;

	private final Permissions permissions;

	private final String reconnectionToken;

	private final SimpleClientMode simpleMode;

	private final Set<String> groups = ConcurrentHashMap.newKeySet();

	private final Set<Long> ackIds = ConcurrentHashMap.newKeySet();

	private final AtomicLong eventIds = new AtomicLong();

	private final Map<String, String> cookies = new ConcurrentHashMap<>();

	private final ArrayDeque<Unacked> unacked = new ArrayDeque<>();

	private volatile @Nullable String userId;

	private volatile @Nullable String connectionState;

	private long sequenceId;

	private @Nullable OutboundFrames socket;

	private @Nullable Disposable expiry;

	private volatile boolean closed;

	private int closeCode = 1000;

	private @Nullable String closeReason;

	ClientConnection(String id, String hub, @Nullable String userId, Permissions permissions,
			String reconnectionToken, SimpleClientMode simpleMode) {
		this.id = id;
		this.hub = hub;
		this.userId = userId;
		this.permissions = permissions;
		this.reconnectionToken = reconnectionToken;
		this.simpleMode = simpleMode;
	}

	String id() {
		return this.id;
	}

	String hub() {
		return this.hub;
	}

	ClientProtocol protocol() {
		return this.protocol;
	}

	@Nullable String subprotocol() {
		return this.subprotocol;
	}

	/**
	 * Selects the subprotocol during the handshake, before the WebSocket opens.
	 * @param subprotocol the subprotocol or {@code null} for none
	 */
	void select(@Nullable String subprotocol) {
		this.subprotocol = subprotocol;
		this.protocol = ClientProtocol.of(subprotocol);
	}

	@Nullable String userId() {
		return this.userId;
	}

	void userId(@Nullable String userId) {
		this.userId = userId;
	}

	Permissions permissions() {
		return this.permissions;
	}

	String reconnectionToken() {
		return this.reconnectionToken;
	}

	SimpleClientMode simpleMode() {
		return this.simpleMode;
	}

	Set<String> groups() {
		return this.groups;
	}

	@Nullable String connectionState() {
		return this.connectionState;
	}

	void connectionState(@Nullable String connectionState) {
		this.connectionState = connectionState;
	}

	Map<String, String> cookies() {
		return this.cookies;
	}

	long nextEventId() {
		return this.eventIds.getAndIncrement();
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * Records an ack id.
	 * @param ackId the ack id
	 * @return {@code false} if the id was seen before on this connection
	 */
	boolean firstUseOf(long ackId) {
		return this.ackIds.add(ackId);
	}

	/**
	 * Attaches a new WebSocket, replaying unacknowledged messages of a reliable connection.
	 * @param sink the outbound frames of the WebSocket
	 */
	synchronized void attach(OutboundFrames sink) {
		if (this.closed) {
			// The reconnection window ended while the new WebSocket was opening.
			sink.complete();
			return;
		}
		if (this.expiry != null) {
			this.expiry.dispose();
			this.expiry = null;
		}
		OutboundFrames previous = this.socket;
		this.socket = sink;
		if (previous != null) {
			previous.complete();
		}
		for (Unacked message : this.unacked) {
			emit(text(message.text()));
		}
	}

	/**
	 * Detaches the WebSocket if it is still the current one.
	 * @param sink the outbound frames of the WebSocket that ended
	 * @param expiry schedules the end of a reliable connection's reconnection window
	 * @return whether the connection lost its current WebSocket (and is not already closed)
	 */
	synchronized boolean detach(OutboundFrames sink, Supplier<Disposable> expiry) {
		if (this.socket != sink || this.closed) {
			return false;
		}
		this.socket = null;
		if (this.protocol == ClientProtocol.JSON_RELIABLE) {
			this.expiry = expiry.get();
		}
		return true;
	}

	synchronized boolean isAttached() {
		return this.socket != null;
	}

	/**
	 * Sends a data message.
	 * @param message the message
	 */
	synchronized void send(OutboundMessage message) {
		if (this.closed) {
			return;
		}
		switch (this.protocol) {
			case SIMPLE -> emit(message.simpleFrame());
			case JSON -> emit(message.jsonFrame());
			case JSON_RELIABLE -> {
				long sequence = ++this.sequenceId;
				String text = message.jsonText(sequence);
				this.unacked.add(new Unacked(sequence, text));
				if (this.unacked.size() > MAX_UNACKED) {
					close(CLOSE_UNRECOVERABLE, "Too many unacknowledged messages", null);
					return;
				}
				emit(text(text));
			}
		}
	}

	/**
	 * Sends a protocol message that carries no sequence id (acks, pongs, system messages).
	 * @param text the JSON text
	 */
	synchronized void sendControl(String text) {
		if (!this.closed) {
			emit(text(text));
		}
	}

	synchronized void ping() {
		if (!this.closed) {
			emit(new PingWebSocketFrame());
		}
	}

	/**
	 * Drops acknowledged messages of a reliable connection.
	 * @param sequenceId the largest sequence id the client has received
	 */
	synchronized void acknowledge(long sequenceId) {
		Iterator<Unacked> iterator = this.unacked.iterator();
		while (iterator.hasNext() && iterator.next().sequenceId() <= sequenceId) {
			iterator.remove();
		}
	}

	/**
	 * Closes the connection for good.
	 * @param code the WebSocket close code
	 * @param reason the close reason
	 * @param disconnectedMessage the {@code disconnected} system message for JSON clients, or {@code null}
	 * @return {@code false} if it was already closed
	 */
	synchronized boolean close(int code, @Nullable String reason, @Nullable String disconnectedMessage) {
		if (this.closed) {
			return false;
		}
		if (disconnectedMessage != null && this.protocol.isJson()) {
			emit(text(disconnectedMessage));
		}
		this.closed = true;
		this.closeCode = code;
		this.closeReason = reason;
		this.unacked.clear();
		if (this.expiry != null) {
			this.expiry.dispose();
			this.expiry = null;
		}
		OutboundFrames current = this.socket;
		this.socket = null;
		if (current != null) {
			current.complete();
		}
		return true;
	}

	synchronized int closeCode() {
		return this.closeCode;
	}

	/**
	 * Returns the reason for the close frame, cut to the 123 bytes a close frame can carry.
	 * @return the reason
	 */
	synchronized String closeReason() {
		String reason = (this.closeReason != null) ? this.closeReason : "";
		while (reason.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON_BYTES) {
			reason = reason.substring(0, reason.length() - 1);
		}
		return reason;
	}

	private void emit(WebSocketFrame frame) {
		OutboundFrames current = this.socket;
		if (current == null) {
			frame.release();
		}
		else {
			current.write(frame);
		}
	}

	private static TextWebSocketFrame text(String text) {
		return new TextWebSocketFrame(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
	}

	private record Unacked(long sequenceId, String text) {
	}

	/**
	 * How a simple WebSocket client's frames are handled ({@code webpubsub_mode}).
	 *
	 * @param group the group to publish to, or {@code null} to send each frame as a {@code message} event
	 * @param noEcho whether group messages skip the sender
	 */
	record SimpleClientMode(@Nullable String group, boolean noEcho) {

		static final SimpleClientMode SEND_EVENT = new SimpleClientMode(null, false);

	}

}
