package dev.webpubsub.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

import dev.webpubsub.spring.token.ClientProtocol;

/**
 * Configuration of the negotiate endpoint, which hands out client access URLs to browsers and other clients.
 *
 * @author Web PubSub for Spring Boot team
 */
@ConfigurationProperties("webpubsub.negotiate")
public class WebPubSubNegotiateProperties {

	/**
	 * Whether to expose the negotiate endpoint.
	 */
	private boolean enabled = true;

	/**
	 * Path of the negotiate endpoint.
	 */
	private String path = "/negotiate";

	/**
	 * Roles that every negotiated token grants, such as 'webpubsub.joinLeaveGroup.lobby'.
	 */
	private List<String> roles = new ArrayList<>();

	/**
	 * Groups that every negotiated connection joins when it connects.
	 */
	private List<String> groups = new ArrayList<>();

	/**
	 * Lifetime of negotiated tokens. A client must connect within it; an open connection is not cut off when it
	 * ends.
	 */
	private Duration tokenTimeToLive = Duration.ofHours(1);

	/**
	 * Client protocol of negotiated URLs: 'default' (Web PubSub clients), 'mqtt' or 'socketio'.
	 */
	private ClientProtocol clientProtocol = ClientProtocol.DEFAULT;

	/**
	 * Hubs, besides the default hub 'WebPubSubHub', that clients may ask for with the 'hub' query parameter.
	 */
	private Set<String> hubs = new LinkedHashSet<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
		this.path = path;
	}

	public List<String> getRoles() {
		return this.roles;
	}

	public void setRoles(List<String> roles) {
		requireNoBlankValues("roles", roles);
		this.roles = roles;
	}

	public List<String> getGroups() {
		return this.groups;
	}

	public void setGroups(List<String> groups) {
		requireNoBlankValues("groups", groups);
		this.groups = groups;
	}

	public Duration getTokenTimeToLive() {
		return this.tokenTimeToLive;
	}

	public void setTokenTimeToLive(Duration tokenTimeToLive) {
		// Checked here so that a bad value fails start-up rather than every negotiate request.
		Assert.isTrue(!tokenTimeToLive.isNegative() && !tokenTimeToLive.isZero(),
				() -> "'token-time-to-live' must be positive but was " + tokenTimeToLive);
		this.tokenTimeToLive = tokenTimeToLive;
	}

	public ClientProtocol getClientProtocol() {
		return this.clientProtocol;
	}

	public void setClientProtocol(ClientProtocol clientProtocol) {
		this.clientProtocol = clientProtocol;
	}

	public Set<String> getHubs() {
		return this.hubs;
	}

	public void setHubs(Set<String> hubs) {
		this.hubs = hubs;
	}

	private static void requireNoBlankValues(String name, List<String> values) {
		Assert.isTrue(values.stream().noneMatch((value) -> value == null || value.isBlank()),
				() -> "'" + name + "' must not contain blank values");
	}

}
