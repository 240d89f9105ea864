package io.herakles.procmem.cli;

import io.herakles.procmem.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * The built-in default of every config key that has one, as {@code default.<key>}, so that flag
 * descriptions say {@code (default ${bundle:default.cache_ttl})} and never repeat a number the key
 * table already holds. Loaded by picocli as the root command's resource bundle (hence public).
 */
public final class ConfigDefaults extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        List<Object[]> entries = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (key.defaultValue() != null) {
                entries.add(new Object[] {"default." + key.key(), String.valueOf(key.defaultValue())});
            }
        }
        return entries.toArray(Object[][]::new);
    }
}
