package org.cdpdesktop.core.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file read once from start to end, counting the bytes read (for progress) and digesting them (for the import
 * history's checksum), so a reader that streams the file needs no second pass for either.
 */
final class FileInput extends FilterInputStream {

    private final long size;
    private final MessageDigest digest;
    private long count;

    private FileInput(InputStream in, long size, MessageDigest digest) {
        super(in);
        this.size = size;
        this.digest = digest;
    }

    static FileInput open(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        InputStream raw = Files.newInputStream(file);
        return new FileInput(new BufferedInputStream(new DigestInputStream(raw, sha256), 1 << 16), Files.size(file), sha256);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-256 of a whole file, for readers that do not stream it (workbooks are read by entry, not front to back). */
    static String checksum(Path file) throws IOException {
        try (FileInput input = open(file)) {
            return input.checksum();
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = super.read(bytes, offset, length);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long size() {
        return size;
    }

    double fractionRead() {
        return size == 0 ? 1 : Math.min(1.0, (double) count / size);
    }

    /** Reads what is left unread, so the digest covers the whole file, and returns it as hex. */
    String checksum() throws IOException {
        byte[] rest = new byte[1 << 16];
        while (read(rest, 0, rest.length) >= 0) {
            // Drains what the parser did not need (trailing blank lines or whitespace).
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
