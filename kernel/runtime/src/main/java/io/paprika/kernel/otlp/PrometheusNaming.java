package io.paprika.kernel.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * OTLP names and attribute values as Prometheus wants them: metric names {@code [a-zA-Z_:][a-zA-Z0-9_:]*}
 * under an {@code otel_} prefix (so they never meet the runtime's own metrics), label names
 * {@code [a-zA-Z_][a-zA-Z0-9_]*}, never starting with the reserved {@code __}.
 */
final class PrometheusNaming {
    static final String PREFIX = "otel_";

    private PrometheusNaming() {
    }

    /** {@code http.server.duration} becomes {@code otel_http_server_duration}. */
    static String metric(String otlpName) {
        return collapse(PREFIX + otlpName.replaceAll("[^a-zA-Z0-9_:]", "_"));
    }

    /** {@code http.method} becomes {@code http_method}; a leading digit gets a {@code key_} prefix. */
    static String label(String attributeKey) {
        String name = collapse(attributeKey.replaceAll("[^a-zA-Z0-9_]", "_"));
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return "key_" + name;
        }
        return name; // collapsed, so never the reserved __ prefix
    }

    /** An attribute value as label text; arrays and maps in a compact, readable form. */
    static String value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
            case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(PrometheusNaming::value)
                    .collect(Collectors.joining(",", "[", "]"));
            case KVLIST_VALUE -> v.getKvlistValue().getValuesList().stream()
                    .map(kv -> kv.getKey() + "=" + value(kv.getValue())).collect(Collectors.joining(",", "{", "}"));
            case VALUE_NOT_SET -> "";
        };
    }

    /** Runs of underscores read as one, as OpenTelemetry's own Prometheus exporter writes them. */
    private static String collapse(String name) {
        return name.replaceAll("__+", "_");
    }
}
