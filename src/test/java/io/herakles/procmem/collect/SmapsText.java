package io.herakles.procmem.collect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds {@code smaps} text shaped like the kernel's, one mapping at a time (bytes, so paths may be any bytes). Tests only. */
final class SmapsText {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A mapping with every line of a 6.x kernel; figures in kB. */
    SmapsText mapping(String range, String perms, String inode, byte[] path, long size, long rss, long pss,
            long sharedClean, long privateClean, long privateDirty, long swap) {
        text(range + " " + perms + " 00000000 fe:00 " + inode + "                     ");
        out.writeBytes(path);
        text("\nSize:           " + size + " kB\nKernelPageSize:        4 kB\nMMUPageSize:           4 kB\n"
                + "Rss:            " + rss + " kB\nPss:            " + pss + " kB\nPss_Dirty:             0 kB\n"
                + "Shared_Clean:   " + sharedClean + " kB\nShared_Dirty:          0 kB\n"
                + "Private_Clean:  " + privateClean + " kB\nPrivate_Dirty:  " + privateDirty + " kB\n"
                + "Referenced:     " + rss + " kB\nAnonymous:      " + privateDirty + " kB\nKSM:                   0 kB\n"
                + "LazyFree:              0 kB\nAnonHugePages:      2048 kB\nShmemPmdMapped:        0 kB\n"
                + "FilePmdMapped:         0 kB\nShared_Hugetlb:        0 kB\nPrivate_Hugetlb:       0 kB\n"
                + "Swap:           " + swap + " kB\nSwapPss:        " + swap + " kB\nLocked:                4 kB\n"
                + "THPeligible:           1\nProtectionKey:         0\nVmFlags: rd wr mr mw me ac sd \n");
        return this;
    }

    SmapsText mapping(String range, String perms, String path, long size, long rss, long pss, long sharedClean,
            long privateClean, long privateDirty, long swap) {
        return mapping(range, perms, path.isEmpty() ? "0" : "1234", path.getBytes(StandardCharsets.UTF_8), size, rss,
                pss, sharedClean, privateClean, privateDirty, swap);
    }

    SmapsText text(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
