using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;
using Territory.Domain.Spatial;

namespace Territory.Data.Spatial;

/// <summary>
/// Moves NTS geometries to and from PostGIS as EWKB (Npgsql's NTS plugin is not available):
/// send <c>@p::geometry</c> with bytes from <see cref="ToEwkb"/>, select <c>geom::bytea</c> and read with <see cref="FromEwkb"/>.
/// </summary>
public static class Ewkb
{
    /// <summary>EWKB with the SRID embedded; plain WKB would arrive as SRID 0 and fail in mixed-SRID expressions.</summary>
    public static byte[] ToEwkb(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.SRID != Geo.Srid)
        {
            throw new ArgumentException($"Geometry has SRID {geometry.SRID}; Territory stores lon/lat geometries in SRID {Geo.Srid} only.", nameof(geometry));
        }

        // WKBWriter is not thread-safe, so each call takes its own (it is cheap to build).
        return new WKBWriter(ByteOrder.LittleEndian, handleSRID: true, emitZ: false).Write(geometry);
    }

    /// <summary>A geometry from (E)WKB bytes; geometries without an SRID are taken as lon/lat 4326.</summary>
    public static Geometry FromEwkb(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var geometry = new WKBReader(Services).Read(bytes);
        if (geometry.SRID == 0)
        {
            geometry.SRID = Geo.Srid;
        }

        return geometry;
    }

    /// <summary>A bytea parameter holding EWKB, or NULL; use it in SQL as <c>@name::geometry</c>.</summary>
    public static NpgsqlParameter Parameter(string name, Geometry? geometry) =>
        new(name, NpgsqlDbType.Bytea) { Value = geometry is null ? DBNull.Value : ToEwkb(geometry) };

    /// <summary>Reads a column selected as <c>geom::bytea</c>, or null when it is NULL.</summary>
    public static Geometry? GetGeometry(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromEwkb(reader.GetFieldValue<byte[]>(ordinal));

    /// <summary>Writes a geometry column in a binary COPY (the server's geometry_recv reads EWKB).</summary>
    public static Task WriteGeometryAsync(this NpgsqlBinaryImporter importer, Geometry? geometry, CancellationToken cancellationToken = default) =>
        geometry is null
            ? importer.WriteNullAsync(cancellationToken)
            : importer.WriteAsync(ToEwkb(geometry), NpgsqlDbType.Bytea, cancellationToken);

    private static NetTopologySuite.NtsGeometryServices Services { get; } =
        new(Geo.Factory.PrecisionModel, Geo.Srid);
}
