package io.paprika.distribution.faulty;

import io.paprika.spi.Connector;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.ParamSpec;
import io.paprika.spi.SourceTable;
import io.paprika.spi.SourceSpec;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A plugin whose component throws on activation; built into a bundle by {@code HotLoadIT}. */
@Component(service = Connector.class, property = Connector.SCHEMES + "=faulty")
public class FaultyConnector implements Connector {

    @Activate
    void activate() {
        throw new IllegalStateException("the faulty plugin refuses to start");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public SourceTable open(SourceSpec spec) throws ConnectorException {
        throw new ConnectorException("never opened", false);
    }
}
