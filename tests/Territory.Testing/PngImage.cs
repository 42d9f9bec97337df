using System.Buffers.Binary;
using System.IO.Compression;

namespace Territory.Testing;

/// <summary>
/// A decoded PNG (8-bit RGB or RGBA, not interlaced: what rsvg-convert writes), enough for tests to check an image's
/// size and count its colours.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Width and height from the IHDR chunk only.</summary>
    public static (int Width, int Height) ReadSize(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(Signature) || png.AsSpan(12, 4).SequenceEqual("IHDR"u8) is false)
        {
            throw new InvalidDataException("not a PNG file");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    public static PngImage Decode(byte[] png)
    {
        var (width, height) = ReadSize(png);
        var bitDepth = png[24];
        var colorType = png[25];
        var interlace = png[28];
        if (bitDepth != 8 || colorType is not (2 or 6) || interlace != 0)
        {
            throw new InvalidDataException($"unsupported PNG: bit depth {bitDepth}, colour type {colorType}, interlace {interlace}");
        }

        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = png.AsSpan(at + 4, 4);
            if (type.SequenceEqual("IDAT"u8))
            {
                compressed.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        var channels = colorType == 6 ? 4 : 3;
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.ReadExactly(raw);
        }

        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var current = pixels.AsSpan(y * stride, stride);
            Span<byte> previous = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter} on row {y}"),
                });
            }
        }

        var rgba = new byte[width * height * 4];
        for (var p = 0; p < width * height; p++)
        {
            rgba[p * 4] = pixels[p * channels];
            rgba[p * 4 + 1] = pixels[p * channels + 1];
            rgba[p * 4 + 2] = pixels[p * channels + 2];
            rgba[p * 4 + 3] = channels == 4 ? pixels[p * channels + 3] : (byte)255;
        }

        return new PngImage(width, height, rgba);
    }

    /// <summary>Pixels within <paramref name="tolerance"/> (per channel) of a colour written #RRGGBB.</summary>
    public int Count(string color, int tolerance = 6)
    {
        var (r, g, b) = (Convert.ToInt32(color[1..3], 16), Convert.ToInt32(color[3..5], 16), Convert.ToInt32(color[5..7], 16));
        var count = 0;
        for (var p = 0; p < _rgba.Length; p += 4)
        {
            if (Math.Abs(_rgba[p] - r) <= tolerance && Math.Abs(_rgba[p + 1] - g) <= tolerance && Math.Abs(_rgba[p + 2] - b) <= tolerance)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>How many different colours the image holds.</summary>
    public int DistinctColors()
    {
        var colors = new HashSet<int>();
        for (var p = 0; p < _rgba.Length; p += 4)
        {
            colors.Add(_rgba[p] << 16 | _rgba[p + 1] << 8 | _rgba[p + 2]);
        }

        return colors.Count;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
