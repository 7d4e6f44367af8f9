package dev.webpubsub.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the default Web PubSub connection ({@code WebPubSubConnectionString}) is configured in the
 * environment, optionally only when it is identity-based.
 *
 * @author Web PubSub for Spring Boot team
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnWebPubSubConnectionCondition.class)
@interface ConditionalOnWebPubSubConnection {

	/**
	 * Whether to match only an identity-based (Entra ID) connection.
	 * @return {@code true} to require an identity-based connection
	 */
	boolean identityBased() default false;

}
