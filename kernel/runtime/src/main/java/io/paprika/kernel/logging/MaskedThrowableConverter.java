package io.paprika.kernel.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.paprika.kernel.config.SecretMask;

/** Stack traces with every known secret value masked (exception messages may quote input). */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return SecretMask.mask(super.throwableProxyToString(proxy));
    }
}
