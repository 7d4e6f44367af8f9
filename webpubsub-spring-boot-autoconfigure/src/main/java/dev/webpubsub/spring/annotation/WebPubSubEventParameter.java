package dev.webpubsub.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the part of an event that a {@link WebPubSubEventHandler} method parameter receives, for code compiled
 * without {@code -parameters} or when the parameter's own name is different.
 *
 * @author Web PubSub for Spring Boot team
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WebPubSubEventParameter {

	/**
	 * Part of the event: {@code data}, {@code dataType}, {@code claims}, {@code query}, {@code headers},
	 * {@code subprotocols}, {@code clientCertificates}, {@code reason}, {@code group} or {@code states}
	 * (case-insensitive).
	 * @return the name
	 */
	String value();

}
