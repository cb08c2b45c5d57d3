package io.paprika.connector.file;

import io.paprika.connector.common.DecoderDatabase;
import io.paprika.connector.common.FormatOptions;
import io.paprika.connector.common.FormatParams;
import io.paprika.spi.Connector;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.ParamSpec;
import io.paprika.spi.SourceSpec;
import io.paprika.spi.SourceTable;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Datasets from local files ({@code from: file:data/x.csv}): CSV, JSON, NDJSON or Parquet, gzipped or not. */
@Component(service = Connector.class, property = Connector.SCHEMES + "=file")
public final class FileConnector implements Connector {

    /** The bundle stops: its decoder database goes with it (see {@link DecoderDatabase}). */
    @Deactivate
    public void deactivate() {
        DecoderDatabase.close();
    }

    @Override
    public List<ParamSpec> params() {
        return FormatParams.SPECS;
    }

    @Override
    public SourceTable open(SourceSpec spec) throws ConnectorException {
        // The file may not exist yet; that is reported by each scan, so a later copy is picked up.
        return new FileSourceTable(spec.dataset(), spec.from(), FilePaths.resolve(spec), spec.spicepodDir(),
                FormatOptions.parse(spec.dataset(), spec.params()));
    }
}
