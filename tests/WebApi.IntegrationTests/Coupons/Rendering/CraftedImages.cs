using System.Buffers.Binary;
using System.Text;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>Image files written byte by byte: PNG headers and chunks with their CRCs, JPEG EXIF segments.</summary>
internal static class CraftedImages
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A PNG whose header claims <paramref name="width"/>×<paramref name="height"/> (8-bit RGBA), with a token IDAT.</summary>
    public static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        byte[] idat = [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01];
        return [.. PngSignature, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    /// <summary>The PNG with a <c>tEXt</c> chunk (keyword and text) inserted after its header chunk.</summary>
    public static byte[] WithPngText(byte[] png, string keyword, string text)
    {
        const int afterIhdr = 8 + 4 + 4 + 13 + 4;
        return [.. png.AsSpan(0, afterIhdr), .. Chunk("tEXt", [.. Encoding.Latin1.GetBytes(keyword), 0, .. Encoding.Latin1.GetBytes(text)]), .. png.AsSpan(afterIhdr)];
    }

    /// <summary>
    /// The JPEG with an EXIF APP1 segment after its start marker: orientation <paramref name="orientation"/> (1 to 8)
    /// and a camera make, in a little-endian TIFF structure.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation, string make)
    {
        var makeBytes = Encoding.ASCII.GetBytes(make + "\0");
        var tiff = new List<byte>();
        tiff.AddRange("II"u8.ToArray());
        tiff.AddRange(LittleEndian((ushort)42));
        tiff.AddRange(LittleEndian(8u));
        tiff.AddRange(LittleEndian((ushort)2));
        const uint makeOffset = 8 + 2 + (2 * 12) + 4;
        tiff.AddRange([.. LittleEndian((ushort)0x010F), .. LittleEndian((ushort)2), .. LittleEndian((uint)makeBytes.Length), .. LittleEndian(makeOffset)]);
        tiff.AddRange([.. LittleEndian((ushort)0x0112), .. LittleEndian((ushort)3), .. LittleEndian(1u), .. LittleEndian(orientation), 0, 0]);
        tiff.AddRange(LittleEndian(0u));
        tiff.AddRange(makeBytes);

        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        return [.. jpeg.AsSpan(0, 2), 0xFF, 0xE1, .. length, .. payload, .. jpeg.AsSpan(2)];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        return [.. length, .. typeBytes, .. data, .. crc];
    }

    private static byte[] LittleEndian(ushort value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] LittleEndian(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
