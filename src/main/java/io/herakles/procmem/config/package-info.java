/** Configuration: records with upstream's defaults, YAML/JSON/TOML loading, flag/env overlay, validation. Imports nothing of ours (Jackson allowed). */
package io.herakles.procmem.config;
