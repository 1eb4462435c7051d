package dev.isochron.input.replay;

/**
 * The input recording file format, version 1. All numbers little-endian.
 * <pre>
 * header (40 bytes)
 *   0  8 bytes  magic "ISOINPUT"
 *   8  int      format version (1)
 *  12  int      header length (40)
 *  16  double   tick rate of the recorded run, Hz, in (0, 10000]
 *  24  long     seed of the recorded run
 *  32  int      reserved (0)
 *  36  int      CRC-32C of bytes 0..35
 * blocks, until the end of the file
 *   0  int      payload length, in [1, 1 MiB]
 *   4  int      CRC-32C of the payload
 *   8  payload: entries, none spanning blocks, tick indices never decreasing
 *        0  long  tick index that consumed the record
 *        8  int   record type (InputRecordLayout type id)
 *       12  int   record length (the type's fixed length)
 *       16  the record's bytes, as the ring held them (capture time first)
 * </pre>
 * Lengths are capped so a corrupt or hostile file can never make the reader allocate more than the
 * file's own size (itself capped).
 */
public final class ReplayFormat
{
    /** The magic bytes that open every recording. */
    public static final byte[] MAGIC = {'I', 'S', 'O', 'I', 'N', 'P', 'U', 'T'};
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    /** Header length in bytes. */
    public static final int HEADER_LENGTH = 40;
    /** Offset of the version in the header. */
    public static final int VERSION_OFFSET = 8;
    /** Offset of the header length in the header. */
    public static final int HEADER_LENGTH_OFFSET = 12;
    /** Offset of the tick rate in the header. */
    public static final int TICK_RATE_OFFSET = 16;
    /** Offset of the seed in the header. */
    public static final int SEED_OFFSET = 24;
    /** Offset of the header CRC in the header. */
    public static final int HEADER_CRC_OFFSET = 36;
    /** Block header length: payload length and CRC. */
    public static final int BLOCK_HEADER_LENGTH = 8;
    /** Largest block payload a reader accepts. */
    public static final int MAX_BLOCK_LENGTH = 1 << 20;
    /** Entry header length: tick index, record type, record length. */
    public static final int ENTRY_HEADER_LENGTH = 16;
    /** Largest tick rate accepted. */
    public static final double MAX_TICK_RATE_HZ = 10_000;
    /** Largest file a reader loads by default (256 MiB). */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 28;

    private ReplayFormat()
    {
    }
}
