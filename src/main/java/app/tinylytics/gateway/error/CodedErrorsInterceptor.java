package app.tinylytics.gateway.error;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Applies {@link UpstreamErrors} to whatever a {@link CodedErrors} resolver throws or its Uni/Multi fails with. */
@CodedErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CodedErrorsInterceptor {

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        Object result;
        try {
            result = invocation.proceed();
        } catch (RuntimeException failure) {
            throw (RuntimeException) UpstreamErrors.coded(failure);
        }
        if (result instanceof Uni<?> uni) {
            return uni.onFailure().transform(UpstreamErrors::coded);
        }
        if (result instanceof Multi<?> multi) {
            return multi.onFailure().transform(UpstreamErrors::coded);
        }
        return result;
    }
}
