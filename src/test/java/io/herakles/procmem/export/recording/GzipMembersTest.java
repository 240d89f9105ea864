package io.herakles.procmem.export.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** One member inflated into a caller's reused array: the data and its length, never stale bytes. */
class GzipMembersTest {

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static GzipMembers.Step inflate(byte[] member, byte[] reuse) {
        GzipMembers members = GzipMembers.oneMember(ByteBuffer.wrap(member), reuse);
        try {
            return members.next();
        } finally {
            members.close();
        }
    }

    private static String text(GzipMembers.Member m) {
        return new String(m.data(), 0, m.length(), StandardCharsets.UTF_8);
    }

    @Test
    void aLargeEnoughArrayIsFilledAndReturnedWithTheLength() throws Exception {
        byte[] reuse = new byte[4096];
        Arrays.fill(reuse, (byte) 'x');
        GzipMembers.Member m = (GzipMembers.Member) inflate(gzip("{\"a\":1}\n"), reuse);
        assertThat(m.data()).isSameAs(reuse);
        assertThat(m.length()).isEqualTo(8);
        assertThat(text(m)).isEqualTo("{\"a\":1}\n");
        // a shorter line next: the length ends it, whatever the longer one left behind
        GzipMembers.Member shorter = (GzipMembers.Member) inflate(gzip("[]\n"), reuse);
        assertThat(shorter.data()).isSameAs(reuse);
        assertThat(text(shorter)).isEqualTo("[]\n");
    }

    @Test
    void aTooSmallArrayIsLeftAloneAndANewOneReturned() throws Exception {
        byte[] reuse = new byte[16];
        String line = "y".repeat(10_000) + "\n";
        GzipMembers.Member m = (GzipMembers.Member) inflate(gzip(line), reuse);
        assertThat(m.data()).isNotSameAs(reuse);
        assertThat(m.length()).isEqualTo(line.length());
        assertThat(text(m)).isEqualTo(line);
        assertThat(reuse).containsOnly((byte) 0);
    }

    @Test
    void withoutAnArrayToReuseTheDataIsExact() throws Exception {
        GzipMembers members = GzipMembers.oneMember(ByteBuffer.wrap(gzip("{\"b\":2}\n")));
        try {
            GzipMembers.Member m = (GzipMembers.Member) members.next();
            assertThat(m.data()).hasSize(m.length()).isEqualTo("{\"b\":2}\n".getBytes(StandardCharsets.UTF_8));
        } finally {
            members.close();
        }
    }

    @Test
    void aCutMemberHandsOutACopyNotTheReusedArray() throws Exception {
        byte[] whole = gzip("z".repeat(5_000) + "\n");
        byte[] cut = Arrays.copyOf(whole, whole.length - 4);     // the trailer's size field missing
        byte[] reuse = new byte[1 << 16];
        GzipMembers.Step step = inflate(cut, reuse);
        assertThat(step).isInstanceOf(GzipMembers.Cut.class);
        assertThat(((GzipMembers.Cut) step).partial()).isNotSameAs(reuse).hasSize(5_001);
    }
}
