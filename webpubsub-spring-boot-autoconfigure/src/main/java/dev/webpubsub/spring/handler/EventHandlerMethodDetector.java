package dev.webpubsub.spring.handler;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

import dev.webpubsub.spring.annotation.WebPubSubEventHandler;
import dev.webpubsub.spring.connection.HubName;
import dev.webpubsub.spring.connection.WebPubSubConnection;
import dev.webpubsub.spring.connection.WebPubSubConnections;
import dev.webpubsub.spring.event.WebPubSubEventType;

/**
 * Finds {@link WebPubSubEventHandler} methods once every singleton exists, in the manner of Spring's
 * {@code EventListenerMethodProcessor}: it scans bean types (the target class of proxies), selects the invocable
 * method on the bean (so AOP proxies work), resolves the hub's placeholders, chooses an argument resolver for each
 * parameter and checks the return type, and registers the method in {@link WebPubSubEventHandlerMappings}.
 * Anything a method gets wrong fails start-up with a message naming the method.
 *
 * @author Web PubSub for Spring Boot team
 */
public final class EventHandlerMethodDetector implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(EventHandlerMethodDetector.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	private final WebPubSubConnections connections;

	private final Supplier<@Nullable String> defaultHub;

	private final WebPubSubEventHandlerMappings mappings;

	private final List<EventArgumentResolver> resolvers;

	private final ParameterNameDiscoverer parameterNameDiscoverer = new DefaultParameterNameDiscoverer();

	/**
	 * Creates a detector.
	 * @param beanFactory the bean factory to scan
	 * @param environment resolves placeholders in hubs
	 * @param connections resolves the connections that validate each method's events
	 * @param defaultHub supplies the {@code WebPubSubHub} setting
	 * @param jsonMapper reads JSON data arguments
	 * @param mappings receives the detected methods
	 */
	public EventHandlerMethodDetector(ConfigurableListableBeanFactory beanFactory, Environment environment,
			WebPubSubConnections connections, Supplier<@Nullable String> defaultHub, JsonMapper jsonMapper,
			WebPubSubEventHandlerMappings mappings) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.connections = connections;
		this.defaultHub = defaultHub;
		this.mappings = mappings;
		this.resolvers = List.of(new RequestArgumentResolver(), new FieldArgumentResolver(),
				new DataArgumentResolver(jsonMapper));
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String beanName : this.beanFactory.getBeanNamesForType(Object.class)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = targetType(beanName);
			if (type != null && !type.getName().startsWith("java")
					&& AnnotationUtils.isCandidateClass(type, WebPubSubEventHandler.class)
					&& !isSpringContainerClass(type)) {
				detect(beanName, type);
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Detected Web PubSub event handlers: " + this.mappings.getMappings());
		}
	}

	/**
	 * Whether the type is one of Spring's own infrastructure classes, which never declare handler methods. Most
	 * beans of an application are, and scanning their methods was most of this detector's start-up time; the
	 * check is {@code EventListenerMethodProcessor}'s.
	 */
	private static boolean isSpringContainerClass(Class<?> type) {
		return type.getName().startsWith("org.springframework.")
				&& !AnnotatedElementUtils.isAnnotated(ClassUtils.getUserClass(type), Component.class);
	}

	private @Nullable Class<?> targetType(String beanName) {
		try {
			return AutoProxyUtils.determineTargetClass(this.beanFactory, beanName);
		}
		catch (RuntimeException ex) {
			// Unresolvable bean types are not ours to judge; EventListenerMethodProcessor skips them too.
			return null;
		}
	}

	private void detect(String beanName, Class<?> type) {
		Map<Method, WebPubSubEventHandler> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<WebPubSubEventHandler>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, WebPubSubEventHandler.class));
		Class<?> beanType = this.beanFactory.getType(beanName);
		methods.forEach((method, annotation) -> this.mappings.register(
				createHandler(beanName, (beanType != null) ? beanType : type, method, annotation)));
	}

	private EventHandlerMethod createHandler(String beanName, Class<?> beanType, Method method,
			WebPubSubEventHandler annotation) {
		String description = beanName + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", "))
				+ ")";
		String hub = resolveHub(annotation, description);
		String eventName = annotation.event().trim();
		if (eventName.isEmpty()) {
			throw invalid(description, "'event' must not be empty");
		}
		if (annotation.eventType().length > 1) {
			throw invalid(description, "'eventType' takes at most one value");
		}
		WebPubSubEventType eventType = (annotation.eventType().length == 1) ? annotation.eventType()[0]
				: WebPubSubEventType.inferFrom(eventName);
		List<EventKind> kinds = EventKind.of(eventType, eventName);
		if (kinds.isEmpty()) {
			throw invalid(description, "system event '" + eventName
					+ "' does not exist; system events are connect, connected and disconnected");
		}
		String connectionName = StringUtils.hasText(annotation.connection()) ? annotation.connection().trim()
				: WebPubSubConnections.DEFAULT_NAME;
		List<WebPubSubConnection> handlerConnections = resolveConnections(connectionName, annotation, description);
		EventResponseWriter.checkReturnType(method, kinds, description);
		MethodParameter[] parameters = new MethodParameter[method.getParameterCount()];
		EventArgumentResolver[] argumentResolvers = new EventArgumentResolver[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			parameters[i] = new MethodParameter(method, i);
			parameters[i].initParameterNameDiscovery(this.parameterNameDiscoverer);
			argumentResolvers[i] = resolverFor(parameters[i], kinds, description);
		}
		Method invocable;
		try {
			invocable = AopUtils.selectInvocableMethod(method, beanType);
		}
		catch (IllegalStateException ex) {
			// A JDK proxy exposes only its interfaces' methods, and a CGLIB proxy cannot delegate private ones.
			throw invalid(description, "the bean's proxy cannot invoke it. " + ex.getMessage());
		}
		WebPubSubEventHandlerMapping mapping = new WebPubSubEventHandlerMapping(hub, eventType, eventName,
				annotation.clientProtocols(), connectionName, description);
		return new EventHandlerMethod(mapping, this.beanFactory, beanName, invocable, parameters, argumentResolvers,
				handlerConnections);
	}

	private String resolveHub(WebPubSubEventHandler annotation, String description) {
		String hub;
		try {
			hub = this.environment.resolveRequiredPlaceholders(annotation.hub()).trim();
		}
		catch (IllegalArgumentException ex) {
			throw invalid(description, "'hub' cannot be resolved: " + ex.getMessage());
		}
		if (hub.isEmpty()) {
			String fallback = this.defaultHub.get();
			if (!StringUtils.hasText(fallback)) {
				throw invalid(description, "no hub is set; set the annotation's 'hub' or the WebPubSubHub setting");
			}
			hub = fallback.trim();
		}
		if (!HubName.isValid(hub)) {
			throw invalid(description, "hub '" + hub + "' is not a valid hub name; hub names match " + HubName.PATTERN);
		}
		return hub;
	}

	private List<WebPubSubConnection> resolveConnections(String connectionName, WebPubSubEventHandler annotation,
			String description) {
		if (!StringUtils.hasText(annotation.connection())) {
			return this.connections.find(WebPubSubConnections.DEFAULT_NAME).map(List::of).orElse(List.of());
		}
		try {
			return List.of(this.connections.get(connectionName));
		}
		catch (IllegalStateException ex) {
			throw invalid(description, "'connection' " + ex.getMessage());
		}
	}

	private EventArgumentResolver resolverFor(MethodParameter parameter, List<EventKind> kinds, String description) {
		for (EventArgumentResolver resolver : this.resolvers) {
			if (resolver.supportsParameter(parameter, kinds)) {
				return resolver;
			}
		}
		String name = parameter.getParameterName();
		throw invalid(description, "unsupported parameter " + parameter.getParameterIndex() + " ("
				+ ClassUtils.getQualifiedName(parameter.getParameterType()) + ((name != null) ? " " + name : "")
				+ ") for " + kinds.stream().map((kind) -> kind.name().toLowerCase(Locale.ROOT)).toList() + " events. "
				+ "Supported: the request types of the event, WebPubSubConnectionContext, WebPubSubDataType, "
				+ "byte[] or JsonNode data, and parameters named (or annotated @WebPubSubEventParameter) data, "
				+ "dataType, claims, query, headers, subprotocols, clientCertificates, reason, group, states");
	}

	private static InvalidEventHandlerMethodException invalid(String description, String problem) {
		return new InvalidEventHandlerMethodException(description, problem);
	}

}
