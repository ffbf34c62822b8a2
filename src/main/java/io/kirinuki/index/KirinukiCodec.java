package io.kirinuki.index;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default codec with the stored fields kept uncompressed.
 *
 * <p>Every search reads the stored fields of its page of hits, the body included, for the snippets.
 * Lucene's default compresses them in chunks of 80 KB with LZ4 and a preset dictionary, so each hit
 * decompressed the dictionary and the blocks around it (12–20 KB for a body of 2 KB): about a
 * twentieth of a search on 100 MB. Here a hit reads its own bytes. The index grows by the
 * difference (the bodies' text, which LZ4 roughly halved).
 *
 * <p>Segments written by the plain Lucene codec stay readable: Lucene records the codec of each
 * segment and finds this one by its name ({@code META-INF/services}).
 */
public final class KirinukiCodec extends FilterCodec {
  public static final String NAME = "Kirinuki104";

  /** A chunk only groups the documents' lengths: a hit reads its own bytes whatever the size. */
  private static final int CHUNK_BYTES = 16 * 1024;

  private static final int MAX_DOCS_PER_CHUNK = 128;

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "KirinukiStoredFieldsRaw", Raw.MODE, CHUNK_BYTES, MAX_DOCS_PER_CHUNK, 10);

  public KirinukiCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }

  /** Bytes as they are: written whole, read from the requested offset only. */
  private static final class Raw {
    static final CompressionMode MODE =
        new CompressionMode() {
          @Override
          public Compressor newCompressor() {
            return new Compressor() {
              @Override
              public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
                out.copyBytes(in, in.length());
              }

              @Override
              public void close() {}
            };
          }

          @Override
          public Decompressor newDecompressor() {
            return DECOMPRESSOR;
          }

          @Override
          public String toString() {
            return "RAW";
          }
        };

    private static final Decompressor DECOMPRESSOR =
        new Decompressor() {
          @Override
          public void decompress(
              DataInput in, int originalLength, int offset, int length, BytesRef bytes)
              throws IOException {
            in.skipBytes(offset);
            bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
            in.readBytes(bytes.bytes, 0, length);
            bytes.offset = 0;
            bytes.length = length;
          }

          @Override
          public Decompressor clone() {
            return this;
          }
        };

    private Raw() {}
  }
}
