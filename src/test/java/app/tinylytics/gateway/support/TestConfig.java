package app.tinylytics.gateway.support;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.config.TinylyticsConfig;

/**
 * The application's real {@code @ConfigMapping}s built from a few properties (everything else at its default), for
 * unit tests of classes that read configuration, without booting the application.
 */
public final class TestConfig {

    private TestConfig() {
    }

    public static GatewayConfig gateway(Map<String, String> properties) {
        return config(properties).getConfigMapping(GatewayConfig.class);
    }

    public static TinylyticsConfig tinylytics(Map<String, String> properties) {
        return config(properties).getConfigMapping(TinylyticsConfig.class);
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                .withMapping(TinylyticsConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
    }
}
