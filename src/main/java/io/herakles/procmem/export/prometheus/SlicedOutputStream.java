package io.herakles.procmem.export.prometheus;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes writes on in slices of at most 32 KiB. The JDK server writes a heap array to its socket
 * through a temporary direct buffer as large as the write, cached per thread: one 4 MB scrape
 * body written at once leaves a 4 MB direct buffer on every worker thread that ever served it,
 * and with 32 workers that exhausted a 64 MiB direct-memory limit (measured with 5000 processes).
 * Slicing keeps those buffers small. Confined to one exchange's thread.
 */
final class SlicedOutputStream extends FilterOutputStream {

    static final int SLICE = 32 * 1024;

    SlicedOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len; done += SLICE) {
            out.write(b, off + done, Math.min(SLICE, len - done));
        }
    }
}
