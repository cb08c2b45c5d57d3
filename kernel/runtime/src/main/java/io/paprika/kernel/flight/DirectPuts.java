package io.paprika.kernel.flight;

import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import java.util.concurrent.Executor;

/**
 * Runs DoPut's gRPC callbacks on the connection's I/O thread instead of handing each one to
 * Flight's executor. Flight's DoPut handler only opens a stream and submits the producer's work
 * (binding a prepared statement's parameters, an update, an ingest) to its own pool, so nothing
 * slow runs on the I/O thread; what is saved is a thread wake-up per callback, and a prepared
 * lookup makes one DoPut per execution. Measured on 2 cores with a Java client doing lookups in
 * passes of 2,000 (three alternating pairs of runtimes, the last five passes of each): medians of
 * the runtime's CPU per lookup 1.09 ms against 1.23 ms, p50 1.24 against 1.32 ms, p99 4.5 against
 * 5.5 ms (the whole benchmark's noise hides a difference this size). Every other method keeps
 * Flight's executor, since its handler runs producer code: describing or running a query.
 */
final class DirectPuts implements ServerCallExecutorSupplier {
    @Override
    public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
        return onIoThread(call.getMethodDescriptor()) ? MoreExecutors.directExecutor() : null;
    }

    /** Whether calls of {@code method} run on the I/O thread; null from the supplier means the server's executor. */
    static boolean onIoThread(MethodDescriptor<?, ?> method) {
        return "DoPut".equals(method.getBareMethodName());
    }
}
