package org.cdpdesktop.core.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses a text file's encoding from its first bytes: a byte-order mark decides outright (UTF-8, UTF-16 LE/BE);
 * otherwise text that decodes as UTF-8 is UTF-8, and other text is Windows-1252 when it uses the bytes
 * 0x80-0x9F that Windows gives printable characters (€, curly quotes) and ISO-8859-1 when it does not.
 */
final class EncodingDetector {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    record Detected(Charset charset, boolean bom, boolean binary) { }

    private EncodingDetector() {
    }

    static Detected detect(byte[] sample, int length) {
        if (startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, true, false);
        }
        if (startsWith(sample, length, 0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, true, false);
        }
        if (startsWith(sample, length, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, true, false);
        }
        Charset utf16 = utf16WithoutBom(sample, length);
        if (utf16 != null) {
            return new Detected(utf16, false, false);
        }
        boolean binary = looksBinary(sample, length);
        if (decodesAsUtf8(sample, length)) {
            return new Detected(StandardCharsets.UTF_8, false, binary);
        }
        for (int i = 0; i < length; i++) {
            int b = sample[i] & 0xFF;
            if (b >= 0x80 && b <= 0x9F) {
                return new Detected(WINDOWS_1252, false, binary);
            }
        }
        return new Detected(StandardCharsets.ISO_8859_1, false, binary);
    }

    /** The length of the byte-order mark of {@code charset} at the start of {@code sample}, or 0. */
    static int bomLength(byte[] sample, int length, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        if (charset.equals(StandardCharsets.UTF_16LE) && startsWith(sample, length, 0xFF, 0xFE)
                || charset.equals(StandardCharsets.UTF_16BE) && startsWith(sample, length, 0xFE, 0xFF)) {
            return 2;
        }
        return 0;
    }

    private static boolean startsWith(byte[] sample, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((sample[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** ASCII text in UTF-16 has a zero byte in every other position: even positions for BE, odd for LE. */
    private static Charset utf16WithoutBom(byte[] sample, int length) {
        if (length < 4) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            if (sample[i] == 0) {
                zeroEven++;
            }
            if (sample[i + 1] == 0) {
                zeroOdd++;
            }
        }
        int pairs = length / 2;
        if (zeroOdd > pairs * 0.7 && zeroEven < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (zeroEven > pairs * 0.7 && zeroOdd < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Zero bytes, or more than 1% control characters other than tab and line breaks, mean this is not text. */
    static boolean looksBinary(byte[] sample, int length) {
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = sample[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return length > 0 && control > Math.max(1, length / 100);
    }

    private static boolean decodesAsUtf8(byte[] sample, int length) {
        int end = length;
        // The sample may cut a multi-byte character in two; drop the incomplete tail before judging.
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
