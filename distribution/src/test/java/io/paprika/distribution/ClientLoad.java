package io.paprika.distribution;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * Clients querying through a load balancer until stopped, over HTTP and over the Flight SQL JDBC
 * driver (statements and prepared statements with a parameter). Every answer is checked against
 * the data the source serves; a failed query is retried once, as a client would.
 */
final class ClientLoad implements AutoCloseable {
    /** One query that failed at its first try: when it ran, and whether its one retry worked. */
    record Failure(String client, long startNanos, long endNanos, String error, boolean retryFailed) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String httpUrl;
    private final String jdbcUrl;
    private final long rows;
    private final LongUnaryOperator amountOf;
    private final long total;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
    final AtomicLong httpAnswers = new AtomicLong();
    final AtomicLong flightAnswers = new AtomicLong();

    /** Rows have ids 0..rows-1 and amounts {@code amountOf(id)}. */
    ClientLoad(String httpUrl, String jdbcUrl, long rows, LongUnaryOperator amountOf) {
        this.httpUrl = httpUrl;
        this.jdbcUrl = jdbcUrl;
        this.rows = rows;
        this.amountOf = amountOf;
        long sum = 0;
        for (long id = 0; id < rows; id++) {
            sum += amountOf.applyAsLong(id);
        }
        this.total = sum;
    }

    ClientLoad start(int httpClients, int jdbcClients) {
        for (int i = 0; i < httpClients; i++) {
            spawn("http-" + i, this::httpClient);
        }
        for (int i = 0; i < jdbcClients; i++) {
            spawn("jdbc-" + i, this::jdbcClient);
        }
        return this;
    }

    private void spawn(String name, java.util.function.Consumer<String> body) {
        Thread t = new Thread(() -> body.accept(name), "load-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private interface Attempt {
        void run() throws Exception;
    }

    /** Runs one query; on failure records it and retries once. Then a short pause, as real clients think. */
    private void once(String client, Attempt attempt) {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long start = System.nanoTime();
        try {
            attempt.run();
        } catch (Exception first) {
            long end = System.nanoTime();
            boolean retryFailed = false;
            try {
                attempt.run();
            } catch (Exception second) {
                retryFailed = true;
            }
            failures.add(new Failure(client, start, end, first.toString(), retryFailed));
        }
    }

    private void httpClient(String name) {
        Random random = new Random(name.hashCode());
        while (running.get()) {
            long id = random.nextInt((int) rows);
            once(name, () -> {
                String body = post(httpUrl, "SELECT id, amount FROM trips WHERE id = " + id);
                check(name, body, "[{\"id\":" + id + ",\"amount\":" + amountOf.applyAsLong(id) + "}]");
                body = post(httpUrl, "SELECT count(*) AS n, sum(amount) AS s FROM trips");
                check(name, body, "[{\"n\":" + rows + ",\"s\":" + total() + "}]");
                httpAnswers.addAndGet(2);
            });
        }
    }

    /** The body of a 200 answer to {@code sql} at {@code baseUrl}; any other status throws. */
    static String post(String baseUrl, String sql) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/sql"))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(sql)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private void jdbcClient(String name) {
        Random random = new Random(name.hashCode());
        Connection[] connection = {null};
        while (running.get()) {
            long id = random.nextInt((int) rows);
            once(name, () -> {
                if (connection[0] == null || connection[0].isClosed()) {
                    connection[0] = DriverManager.getConnection(jdbcUrl);
                }
                try (PreparedStatement ps = connection[0].prepareStatement(
                        "SELECT id, amount FROM trips WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        String got = rs.next() ? rs.getLong(1) + "," + rs.getLong(2) + (rs.next() ? ",more" : "")
                                : "none";
                        check(name, got, id + "," + amountOf.applyAsLong(id));
                    }
                }
                try (Statement s = connection[0].createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) AS n, sum(amount) AS s FROM trips")) {
                    rs.next();
                    check(name, rs.getLong(1) + "," + rs.getLong(2), rows + "," + total());
                }
                flightAnswers.addAndGet(2);
            });
        }
        try {
            if (connection[0] != null) {
                connection[0].close();
            }
        } catch (SQLException ignored) {
            // the test is over
        }
    }

    private void check(String client, String got, String expected) {
        if (!expected.equals(got)) {
            wrongAnswers.add(client + " expected " + expected + " got " + got);
        }
    }

    private long total() {
        return total;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
    }
}
