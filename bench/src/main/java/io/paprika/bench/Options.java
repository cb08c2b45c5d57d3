package io.paprika.bench;

import java.nio.file.Path;

/**
 * The harness's sizes and repetitions, as given on the command line.
 *
 * @param dist               the built distribution to copy and run
 * @param work               scratch folder for data, spicepods and the distribution copy
 * @param rows               rows of the scan/load table
 * @param lookupRows         rows of the point-lookup table
 * @param memoryRows         rows loaded into the memory engine (H2)
 * @param runs               measured runs per figure (after one warm-up run)
 * @param latencyRuns        measured repetitions of the aggregate query
 * @param lookups            measured point lookups per pass, per engine and protocol ({@code runs} passes)
 * @param lookupWarmUp       point lookups before the measured ones, per engine and protocol, at least
 * @param lookupWarmUpMax    point lookups before the measured ones at most, if both JVMs still compile
 * @param concurrency        client threads of the concurrency figure
 * @param concurrencySeconds how long the concurrency figure runs
 * @param seed               seed of the generated data
 */
record Options(Path dist, Path work, long rows, long lookupRows, long memoryRows, int runs, int latencyRuns,
        int lookups, int lookupWarmUp, int lookupWarmUpMax, int concurrency, int concurrencySeconds, long seed) {
}
