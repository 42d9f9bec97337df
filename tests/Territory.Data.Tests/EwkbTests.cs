using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using Territory.Data.Spatial;
using Territory.Domain.Spatial;
using Territory.Testing;

namespace Territory.Data.Tests;

public class EwkbTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly WKTReader Wkt = new(new NetTopologySuite.NtsGeometryServices(Geo.Factory.PrecisionModel, Geo.Srid));

    [Theory]
    [InlineData("POINT (37.16 36.2)")]
    [InlineData("POLYGON ((37 36, 37.1 36, 37.1 36.1, 37 36.1, 37 36))")]
    [InlineData("POLYGON ((37 36, 37.2 36, 37.2 36.2, 37 36.2, 37 36), (37.05 36.05, 37.1 36.05, 37.1 36.1, 37.05 36.1, 37.05 36.05))")]
    [InlineData("MULTIPOLYGON (((37 36, 37.1 36, 37.1 36.1, 37 36.1, 37 36)), ((36.5 35.8, 36.6 35.8, 36.6 35.9, 36.5 35.8)))")]
    public async Task A_geometry_survives_the_round_trip_through_PostGIS_with_its_srid(string wkt)
    {
        var sent = Wkt.Read(wkt);
        await using var command = database.DataSource.CreateCommand("SELECT ST_SRID(@g::geometry), ST_AsText(@g::geometry), (@g::geometry)::bytea");
        command.Parameters.Add(Ewkb.Parameter("g", sent));
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal(4326, reader.GetInt32(0));
        AssertSameGeometry(sent, Wkt.Read(reader.GetString(1)));
        var back = reader.GetGeometry(2)!;
        Assert.Equal(4326, back.SRID);
        AssertSameGeometry(sent, back);
    }

    [Fact]
    public void A_geometry_without_srid_4326_is_refused()
    {
        var point = new GeometryFactory(new PrecisionModel(), 0).CreatePoint(new Coordinate(37, 36));
        Assert.Throws<ArgumentException>(() => Ewkb.ToEwkb(point));
    }

    [Fact]
    public async Task Null_geometries_travel_as_sql_null()
    {
        await using var command = database.DataSource.CreateCommand("SELECT @g::geometry IS NULL");
        command.Parameters.Add(Ewkb.Parameter("g", null));
        Assert.True((bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task Binary_copy_loads_geometries_that_read_back_equal()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE copied (id int, geom geometry(Geometry, 4326))", connection))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var sent = Enumerable.Range(0, 1000).Select(i => (Geometry)Geo.Point(36 + (i * 0.001), 35 + (i * 0.0007))).ToList();
        sent.Add(Wkt.Read("POLYGON ((37 36, 37.1 36, 37.1 36.1, 37 36.1, 37 36))"));
        await using (var importer = await connection.BeginBinaryImportAsync("COPY copied (id, geom) FROM STDIN (FORMAT BINARY)", TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < sent.Count; i++)
            {
                await importer.StartRowAsync(TestContext.Current.CancellationToken);
                await importer.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer, TestContext.Current.CancellationToken);
                await importer.WriteGeometryAsync(sent[i], TestContext.Current.CancellationToken);
            }

            await importer.CompleteAsync(TestContext.Current.CancellationToken);
        }

        await using var read = new NpgsqlCommand("SELECT id, geom::bytea, ST_SRID(geom) FROM copied ORDER BY id", connection);
        await using var reader = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var count = 0;
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(4326, reader.GetInt32(2));
            AssertSameGeometry(sent[reader.GetInt32(0)], reader.GetGeometry(1)!);
            count++;
        }

        Assert.Equal(sent.Count, count);
    }

    private static void AssertSameGeometry(Geometry expected, Geometry actual) =>
        Assert.True(expected.Normalized().EqualsExact(actual.Normalized(), 1e-12), $"expected {expected.Normalized()}\nactual   {actual.Normalized()}");
}
