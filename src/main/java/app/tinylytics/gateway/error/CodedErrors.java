package app.tinylytics.gateway.error;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a GraphQL API class whose resolvers' upstream failures reach clients as coded errors
 * ({@link UpstreamErrors}): the edge between the upstream layer and GraphQL.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CodedErrors {
}
