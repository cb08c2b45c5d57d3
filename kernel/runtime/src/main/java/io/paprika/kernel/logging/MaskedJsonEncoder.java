package io.paprika.kernel.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.paprika.kernel.config.SecretMask;

/**
 * Logback's JSON lines, for log collectors, with secrets masked like the text format: the event is
 * copied with its message masked, and a stack trace travels masked inside the message.
 */
public final class MaskedJsonEncoder extends JsonEncoder {
    private final MaskedThrowableConverter stackTrace = new MaskedThrowableConverter();

    @Override
    public void start() {
        stackTrace.start();
        super.start();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        LoggingEvent masked = new LoggingEvent();
        masked.setLoggerName(event.getLoggerName());
        masked.setLevel(event.getLevel());
        masked.setThreadName(event.getThreadName());
        masked.setInstant(event.getInstant());
        masked.setMDCPropertyMap(event.getMDCPropertyMap());
        masked.setLoggerContextRemoteView(event.getLoggerContextVO());
        String message = SecretMask.mask(event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            message = message + "\n" + stackTrace.convert(event);
        }
        masked.setMessage(message);
        return super.encode(masked);
    }
}
