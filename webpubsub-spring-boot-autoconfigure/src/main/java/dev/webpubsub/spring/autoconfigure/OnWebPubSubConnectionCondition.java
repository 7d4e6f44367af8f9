package dev.webpubsub.spring.autoconfigure;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.webpubsub.spring.connection.WebPubSubConnections;

/**
 * Condition behind {@link ConditionalOnWebPubSubConnection} and {@link ConditionalOnMissingWebPubSubConnection}. A
 * malformed setting fails start-up here, with a report that names it.
 *
 * @author Web PubSub for Spring Boot team
 */
class OnWebPubSubConnectionCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Optional<ConnectionSettings> settings = ConnectionSettingsResolver.of(context.getEnvironment())
			.resolve(WebPubSubConnections.DEFAULT_NAME);
		if (metadata.isAnnotated(ConditionalOnMissingWebPubSubConnection.class.getName())) {
			ConditionMessage.Builder message = ConditionMessage
				.forCondition(ConditionalOnMissingWebPubSubConnection.class);
			return settings.isEmpty()
					? ConditionOutcome.match(message.didNotFind("setting").items(WebPubSubConnections.DEFAULT_NAME))
					: ConditionOutcome.noMatch(message.found("setting").items(WebPubSubConnections.DEFAULT_NAME));
		}
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnWebPubSubConnection.class.getName());
		boolean identityBased = attributes != null && Boolean.TRUE.equals(attributes.get("identityBased"));
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnWebPubSubConnection.class);
		if (settings.isEmpty()) {
			return ConditionOutcome.noMatch(message.didNotFind("setting").items(WebPubSubConnections.DEFAULT_NAME));
		}
		if (identityBased && !isIdentityBased(settings.get())) {
			return ConditionOutcome.noMatch(message.because("the connection has an access key"));
		}
		return ConditionOutcome.match(message.found("setting").items(WebPubSubConnections.DEFAULT_NAME));
	}

	static boolean isIdentityBased(ConnectionSettings settings) {
		return !(settings instanceof ConnectionSettings.Value value) || value.connectionString().isIdentityBased();
	}

}
