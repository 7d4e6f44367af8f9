package dev.webpubsub.benchmarks.jmh;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import dev.webpubsub.benchmarks.BenchmarkKeys;
import dev.webpubsub.benchmarks.HandRolledTokens;
import dev.webpubsub.benchmarks.StarterContext;
import dev.webpubsub.spring.token.ClientAccessOptions;
import dev.webpubsub.spring.token.ClientAccessTokens;
import dev.webpubsub.spring.token.Hs256JwtSigner;
import dev.webpubsub.spring.token.JsonClaims;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Client access URL minting (negotiate's hot path): the auto-configured {@code ClientAccessTokens}, the official
 * SDK's {@code getClientAccessToken} and a hand-rolled signer, each for a user with one role and a one-hour
 * lifetime.
 *
 * @author Web PubSub for Spring Boot team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TokenMintingBenchmarks {

	private static final String ROLE = "webpubsub.joinLeaveGroup";

	private static final String USER = "user-42";

	private ConfigurableApplicationContext context;

	private ClientAccessTokens tokens;

	private ClientAccessOptions options;

	private Hs256JwtSigner signer;

	private WebPubSubServiceClient sdk;

	private GetClientAccessTokenOptions sdkOptions;

	/**
	 * Starts the context and builds the SDK client.
	 */
	@Setup
	public void setUp() {
		this.context = StarterContext.start(BenchmarkKeys.CONNECTION_STRING);
		this.tokens = this.context.getBean(ClientAccessTokens.class);
		this.options = ClientAccessOptions.forHub(BenchmarkKeys.HUB).withUserId(USER).withRoles(List.of(ROLE));
		this.signer = new Hs256JwtSigner(BenchmarkKeys.ACCESS_KEY);
		this.sdk = new WebPubSubServiceClientBuilder().connectionString(BenchmarkKeys.CONNECTION_STRING)
			.hub(BenchmarkKeys.HUB)
			.buildClient();
		this.sdkOptions = new GetClientAccessTokenOptions().setUserId(USER)
			.setRoles(List.of(ROLE))
			.setExpiresAfter(Duration.ofHours(1));
	}

	/**
	 * Closes the context.
	 */
	@TearDown
	public void tearDown() {
		this.context.close();
	}

	/**
	 * The auto-configured {@code ClientAccessTokens}.
	 * @return the client access URL
	 */
	@Benchmark
	public String starter() {
		return this.tokens.generateBlocking(this.options).url();
	}

	/**
	 * The starter's signer alone, with the claims built in place: the floor under {@link #starter()}.
	 * @return the client access URL
	 */
	@Benchmark
	public String starterSignerOnly() {
		long now = System.currentTimeMillis() / 1000;
		String aud = "https://" + BenchmarkKeys.SERVICE_HOST + "/client/hubs/" + BenchmarkKeys.HUB;
		String token = this.signer.sign(new JsonClaims().add("aud", aud)
			.add("iat", now)
			.add("exp", now + 3600)
			.add("sub", USER)
			.add("role", List.of(ROLE))
			.toJson());
		return "wss://" + BenchmarkKeys.SERVICE_HOST + "/client/hubs/" + BenchmarkKeys.HUB + "?access_token=" + token;
	}

	/**
	 * The SDK's {@code getClientAccessToken}.
	 * @return the client access URL
	 */
	@Benchmark
	public String sdk() {
		return this.sdk.getClientAccessToken(this.sdkOptions).getUrl();
	}

	/**
	 * The hand-rolled signer.
	 * @return the client access URL
	 */
	@Benchmark
	public String handRolled() {
		return HandRolledTokens.clientAccessUrl(BenchmarkKeys.SERVICE_HOST, BenchmarkKeys.HUB, BenchmarkKeys.ACCESS_KEY,
				USER, ROLE, 3600);
	}

}
