package org.cdpdesktop.core.ingest;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A workbook's shared-strings table, kept in a temporary file rather than the heap: Excel stores every text cell there,
 * so a million-row sheet of unique emails and ids holds millions of strings (about 200 MB as Java strings, more than an
 * import at {@code -Xmx256m} can spare). The strings are written once, UTF-8, one after another; the heap keeps only
 * their offsets (4 bytes each), and a cell's text is decoded from a memory-mapped view of the file when asked for.
 */
final class SharedStrings implements Closeable {

    private final Path file;
    private final int[] offsets;
    private final int count;
    private final MappedByteBuffer strings;
    private final FileChannel channel;

    private SharedStrings(Path file, int[] offsets, int count) throws IOException {
        this.file = file;
        this.offsets = offsets;
        this.count = count;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.strings = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
    }

    static SharedStrings none() throws IOException {
        Path file = Files.createTempFile("cdp-shared-strings", ".bin");
        return new SharedStrings(file, new int[] {0}, 0);
    }

    /** Reads the table's {@code <si>} items in order; rich-text runs are joined, phonetic hints left out. */
    static SharedStrings read(InputStream xml, long maxBytes) throws IOException {
        Path file = Files.createTempFile("cdp-shared-strings", ".bin");
        int[] offsets = new int[1 << 12];
        int count = 0;
        long written = 0;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            XMLStreamReader reader = Xml.reader(xml);
            StringBuilder text = new StringBuilder();
            int phonetic = 0;
            boolean inText = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("si")) {
                        text.setLength(0);
                    } else if (name.equals("rPh")) {
                        phonetic++;
                    } else if (name.equals("t") && phonetic == 0) {
                        inText = true;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (inText) {
                        text.append(reader.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("t")) {
                        inText = false;
                    } else if (name.equals("rPh")) {
                        phonetic--;
                    } else if (name.equals("si")) {
                        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                        if (count + 1 >= offsets.length) {
                            offsets = Arrays.copyOf(offsets, offsets.length * 2);
                        }
                        offsets[count] = (int) written;
                        out.write(bytes);
                        written += bytes.length;
                        if (written > maxBytes) {
                            throw new ImportException(String.format("the workbook's texts take more than %,d bytes", maxBytes));
                        }
                        count++;
                        offsets[count] = (int) written;
                    }
                }
            }
        } catch (XMLStreamException e) {
            Files.deleteIfExists(file);
            throw new ImportException("the workbook's shared texts cannot be read (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SharedStrings(file, offsets, count);
    }

    /** The text at {@code index}, or {@code null} when the table has no such item. */
    String get(int index) {
        if (index < 0 || index >= count) {
            return null;
        }
        int start = offsets[index];
        byte[] bytes = new byte[offsets[index + 1] - start];
        strings.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
