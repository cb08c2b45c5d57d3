package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The microservice pattern on one machine: three replicas of the built distribution, each pulling
 * the same spicepod's data from one HTTP source itself, behind a real HAProxy for HTTP and Flight.
 */
class LoadBalancerIT {
    private static final String CSV = "/trips.csv";
    private static final int ROWS = 2_000;

    @TempDir
    Path dir;
    private final SourceServer source = new SourceServer(null, null);
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Spiced.Ports[] ports = new Spiced.Ports[3];
    private final Spiced[] replicas = new Spiced[3];

    LoadBalancerIT() throws Exception {
    }

    /** Stops everything; every replica's output and HAProxy's log stay in target/LoadBalancerIT. */
    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        source.close();
        Path logs = Files.createDirectories(Path.of("target/LoadBalancerIT"));
        int n = 0;
        for (AutoCloseable c : running) {
            if (c instanceof Spiced s) {
                Files.writeString(logs.resolve("spiced-" + (++n) + ".log"), s.output());
            }
        }
        if (Files.exists(dir.resolve("haproxy.log"))) {
            Files.copy(dir.resolve("haproxy.log"), logs.resolve("haproxy.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void replicasServeThroughTheLoadBalancerAndSurviveKillAndRestart() throws Exception {
        source.put(CSV, csv(ROWS, 7), "text/csv");
        for (int i = 0; i < 3; i++) {
            ports[i] = Spiced.Ports.free();
        }
        replicas[0] = replica(0);
        replicas[1] = replica(1);
        replicas[0].awaitReady(Duration.ofSeconds(60));
        replicas[1].awaitReady(Duration.ofSeconds(60));
        int[] lbPorts = Spiced.freePorts(2);
        int lbHttp = lbPorts[0];
        int lbFlight = lbPorts[1];
        HaProxy lb = HaProxy.start(dir, lbHttp, lbFlight, List.of(ports));
        running.add(lb);
        lb.awaitStatus("r1", "UP", Duration.ofSeconds(10));
        lb.awaitStatus("r2", "UP", Duration.ofSeconds(10));
        lb.awaitStatus("r3", "DOWN", Duration.ofSeconds(10));
        String lbUrl = "http://127.0.0.1:" + lbHttp;
        String lbJdbc = "jdbc:arrow-flight-sql://127.0.0.1:" + lbFlight + "/?useEncryption=false";

        aSlowLoadingReplicaGetsNoTrafficUntilReady(lb, lbUrl, lbJdbc);
        killAndGracefulRestartUnderLoad(lb, lbUrl, lbJdbc);
        everyReplicaConvergesAfterTheSourceChanges(lbUrl);
    }

    /** The third replica's first load stalls 5 s at the source; meanwhile it is sent nothing. */
    private void aSlowLoadingReplicaGetsNoTrafficUntilReady(HaProxy lb, String lbUrl, String lbJdbc)
            throws Exception {
        // Refreshes of the first two may take a stall too; three cover them and the third's first load.
        source.stallNext(CSV, 3);
        replicas[2] = replica(2);
        replicas[2].awaitTrue(Duration.ofSeconds(30), "the third replica to listen",
                () -> status(replicas[2], "/health") == 200);
        assertEquals(503, status(replicas[2], "/v1/ready"), "the third replica should still be loading");
        try (ClientLoad load = new ClientLoad(lbUrl, lbJdbc, ROWS, id -> amount(id, 7))) {
            load.start(2, 2);
            Thread.sleep(1500);
            load.close();
            assertEquals(List.of(), List.copyOf(load.failures));
            assertEquals(List.of(), List.copyOf(load.wrongAnswers));
            assertTrue(load.httpAnswers.get() > 0 && load.flightAnswers.get() > 0, "no queries were answered");
        }
        assertEquals(503, status(replicas[2], "/v1/ready"), "the stall should outlast the queries");
        assertEquals(0, lb.sent("spiced_http", "r3"), "HTTP queries went to a replica still loading");
        assertEquals(0, lb.sent("spiced_flight", "r3"), "Flight calls went to a replica still loading");

        replicas[2].awaitReady(Duration.ofSeconds(60));
        lb.awaitStatus("r3", "UP", Duration.ofSeconds(10));
        try (ClientLoad load = new ClientLoad(lbUrl, lbJdbc, ROWS, id -> amount(id, 7))) {
            load.start(1, 1);
            Thread.sleep(1000);
        }
        assertTrue(lb.sent("spiced_http", "r3") > 0, "the ready replica got no HTTP queries");
        assertTrue(lb.sent("spiced_flight", "r3") > 0, "the ready replica got no Flight calls");
    }

    /** kill -9 of one replica and a graceful stop and restart of another, while clients query. */
    private void killAndGracefulRestartUnderLoad(HaProxy lb, String lbUrl, String lbJdbc) throws Exception {
        ClientLoad load = new ClientLoad(lbUrl, lbJdbc, ROWS, id -> amount(id, 7)).start(3, 3);
        long killed;
        long gone;
        long termed;
        try {
            Thread.sleep(1500);
            killed = System.nanoTime();
            replicas[0].process().toHandle().destroyForcibly();
            replicas[0].process().waitFor(10, TimeUnit.SECONDS);
            gone = System.nanoTime();
            Thread.sleep(1500);

            termed = System.nanoTime();
            replicas[1].process().toHandle().destroy(); // SIGTERM: drain, then exit 0
            assertEquals(0, replicas[1].awaitExit(Duration.ofSeconds(60)), replicas[1].output());
            replicas[1] = replica(1);
            replicas[1].awaitReady(Duration.ofSeconds(60));
            lb.awaitStatus("r2", "UP", Duration.ofSeconds(10));
            Thread.sleep(1500);
        } finally {
            load.close();
        }
        System.out.printf("LoadBalancerIT: %d HTTP and %d Flight answers during kill -9 and graceful restart; "
                + "%d queries failed at the first try, all in flight on the killed replica; none failed twice%n",
                load.httpAnswers.get(), load.flightAnswers.get(), load.failures.size());
        assertEquals(List.of(), List.copyOf(load.wrongAnswers), "wrong answers through the load balancer");
        // In flight on the killed replica: sent before it was gone (its sockets close as the process
        // ends, which can take a moment after SIGKILL) and not answered before the signal.
        for (ClientLoad.Failure f : load.failures) {
            assertTrue(f.startNanos() <= gone && f.endNanos() >= killed, "a query failed that was not in flight "
                    + "when a replica was killed (" + (f.startNanos() - killed) / 1_000_000 + " ms after the kill, "
                    + (f.startNanos() - termed) / 1_000_000 + " ms after the graceful stop): " + f);
            assertTrue(!f.retryFailed(), "a query failed again when retried: " + f);
        }
        assertTrue(load.httpAnswers.get() > 50 && load.flightAnswers.get() > 50,
                "too few answers: http " + load.httpAnswers + ", flight " + load.flightAnswers);
        replicas[0] = replica(0);
        replicas[0].awaitReady(Duration.ofSeconds(60));
        lb.awaitStatus("r1", "UP", Duration.ofSeconds(10));
    }

    /** Each replica refreshes from the source itself; all three end with the new data. */
    private void everyReplicaConvergesAfterTheSourceChanges(String lbUrl) throws Exception {
        source.put(CSV, csv(ROWS + 500, 11), "text/csv");
        String expected = "[{\"n\":" + (ROWS + 500) + ",\"s\":" + sum(ROWS + 500, 11) + "}]";
        for (Spiced replica : replicas) {
            replica.awaitTrue(Duration.ofSeconds(30), "the replica to refresh to the new data",
                    () -> expected.equals(replica.body("SELECT count(*) AS n, sum(amount) AS s FROM trips")));
        }
        for (int i = 0; i < 6; i++) {
            String body = ClientLoad.post(lbUrl, "SELECT count(*) AS n, sum(amount) AS s FROM trips");
            assertEquals(expected, body);
        }
        try (Connection c = DriverManager.getConnection(
                "jdbc:arrow-flight-sql://127.0.0.1:" + replicas[0].flightPort() + "/?useEncryption=false");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM trips")) {
            rs.next();
            assertEquals(ROWS + 500, rs.getLong(1));
        }
    }

    private Spiced replica(int i) throws Exception {
        Path work = Files.createDirectories(dir.resolve("r" + (i + 1)));
        Files.writeString(work.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: trips
                datasets:
                  - from: %s
                    name: trips
                    acceleration:
                      enabled: true
                      engine: duckdb
                      refresh_check_interval: 2s
                """.formatted(source.url(CSV)));
        Spiced spiced = Spiced.start(work, null, Map.of(), ports[i]);
        running.add(spiced);
        return spiced;
    }

    private static int status(Spiced spiced, String path) {
        try {
            return spiced.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long amount(long id, int factor) {
        return id * factor % 1000;
    }

    private static long sum(int rows, int factor) {
        long s = 0;
        for (long id = 0; id < rows; id++) {
            s += amount(id, factor);
        }
        return s;
    }

    private static String csv(int rows, int factor) {
        StringBuilder b = new StringBuilder("id,amount\n");
        for (long id = 0; id < rows; id++) {
            b.append(id).append(',').append(amount(id, factor)).append('\n');
        }
        return b.toString();
    }
}
