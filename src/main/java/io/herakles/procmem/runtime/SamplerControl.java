package io.herakles.procmem.runtime;

import io.herakles.procmem.engine.Sampler;
import java.time.Duration;

/** {@link LiveControl} of a {@link Sampler}, so callers of the runtime need not see the engine. */
final class SamplerControl implements LiveControl {

    private final Sampler sampler;

    SamplerControl(Sampler sampler) {
        this.sampler = sampler;
    }

    @Override
    public Duration interval() {
        return sampler.interval();
    }

    @Override
    public void setInterval(Duration interval) {
        sampler.setInterval(interval);
    }

    @Override
    public void pause() {
        sampler.pause();
    }

    @Override
    public void resume() {
        sampler.resume();
    }
}
