package io.paprika.connector.http;

import io.paprika.connector.common.DecoderDatabase;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.Connector;
import io.paprika.spi.ParamSpec;
import io.paprika.spi.SourceSpec;
import io.paprika.spi.SourceTable;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Datasets from {@code http://} and {@code https://} URLs: CSV, JSON, NDJSON or Parquet bodies. */
@Component(service = Connector.class, property = {Connector.SCHEMES + "=http", Connector.SCHEMES + "=https"})
public final class HttpConnector implements Connector {

    /** The bundle stops: its decoder database goes with it (see {@link DecoderDatabase}). */
    @Deactivate
    public void deactivate() {
        DecoderDatabase.close();
    }

    @Override
    public List<ParamSpec> params() {
        return HttpParams.SPECS;
    }

    @Override
    public SourceTable open(SourceSpec spec) throws ConnectorException {
        HttpSourceConfig config = HttpSourceConfig.parse(spec);
        return new HttpSourceTable(config, client(config));
    }

    /** One client per table: the timeout and trusted CAs are per dataset. */
    private static HttpClient client(HttpSourceConfig config) throws ConnectorException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                // Redirects are followed by the table, which keeps credentials to the configured origin.
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.caFile().isPresent()) {
            Path ca = config.caFile().get();
            try {
                builder.sslContext(TrustStores.withExtraCa(ca));
            } catch (IOException | GeneralSecurityException e) {
                throw new ConnectorException("dataset `" + config.dataset() + "`: param " + HttpParams.CA_FILE
                        + ": cannot read PEM certificates from " + ca + ": " + e.getMessage(), false, e);
            }
        }
        return builder.build();
    }
}
