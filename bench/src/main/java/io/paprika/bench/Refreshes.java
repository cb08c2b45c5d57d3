package io.paprika.bench;

import com.fasterxml.jackson.databind.JsonNode;

/** Times a full refresh of an accelerated dataset through the runtime's own API. */
final class Refreshes {
    private Refreshes() {
    }

    /**
     * POSTs a refresh and polls {@code /v1/datasets?status=true} until the dataset reports a newer
     * {@code last_refresh_time} and is Ready; returns the wall milliseconds from the POST to that.
     */
    static double timeRefresh(Spiced spiced, String dataset, long expectedRows) throws Exception {
        String before = spiced.dataset(dataset).path("last_refresh_time").asText();
        long start = System.nanoTime();
        spiced.refresh(dataset);
        spiced.await(Env.LOAD_TIMEOUT, "a refresh of `" + dataset + "`", () -> {
            try {
                JsonNode d = spiced.dataset(dataset);
                return !before.equals(d.path("last_refresh_time").asText()) && "Ready".equals(d.path("status").asText());
            } catch (Exception e) {
                return false;
            }
        }, 20);
        double ms = Stats.millisSince(start);
        long rows = spiced.dataset(dataset).path("row_count").asLong(-1);
        if (rows != expectedRows) {
            throw new IllegalStateException("dataset `" + dataset + "` holds " + rows + " rows after its refresh, not "
                    + expectedRows + "; output:\n" + spiced.output());
        }
        return ms;
    }

    /** Waits for a dataset's first load to finish. */
    static void awaitReady(Spiced spiced, String dataset) throws InterruptedException {
        spiced.await(Env.LOAD_TIMEOUT, "dataset `" + dataset + "` to be Ready", () -> {
            try {
                return "Ready".equals(spiced.dataset(dataset).path("status").asText());
            } catch (Exception e) {
                return false;
            }
        }, 50);
    }
}
