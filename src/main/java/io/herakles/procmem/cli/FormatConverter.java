package io.herakles.procmem.cli;

import io.herakles.procmem.config.ConfigException;
import io.herakles.procmem.config.ConfigFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code yaml|json|toml} for {@code --config-format} and {@code config --format}, checked while
 * parsing so a bad value is a usage error (exit 2, "Invalid value for option ..."), as upstream's
 * clap-validated flags.
 */
final class FormatConverter implements ITypeConverter<ConfigFormat> {

    @Override
    public ConfigFormat convert(String value) {
        try {
            return ConfigFormat.parse(value);
        } catch (ConfigException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
