package io.herakles.procmem.runtime;

import java.time.Duration;

/** What the desktop may change about the live engine: its cadence, and pausing it. */
public interface LiveControl {

    Duration interval();

    void setInterval(Duration interval);

    /** Stops collecting; the last snapshot stays published. */
    void pause();

    void resume();
}
