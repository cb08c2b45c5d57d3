/**
 * The plugin SPI: what a connector or accelerator bundle implements and what the kernel hands it.
 * Exported by the kernel with this version; bundles import {@code [1.0,2)}.
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package io.paprika.spi;
