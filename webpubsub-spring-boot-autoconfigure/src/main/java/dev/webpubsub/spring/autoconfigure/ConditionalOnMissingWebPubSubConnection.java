package dev.webpubsub.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the default Web PubSub connection ({@code WebPubSubConnectionString}) is not configured in the
 * environment, neither as a connection string nor as an identity-based connection.
 *
 * @author Web PubSub for Spring Boot team
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnWebPubSubConnectionCondition.class)
@interface ConditionalOnMissingWebPubSubConnection {

}
