using Npgsql;
using Territory.Data.Places;

namespace Territory.Data.Reports;

/// <summary>
/// The one <see cref="ReportIngestion"/> of a long-running host, built on first use over the stored gazetteer and built
/// again when the gazetteer has changed since (an import, an analyst's new place), so uploads see every place.
/// </summary>
public sealed class ReportIngestionSource(NpgsqlDataSource dataSource, GazetteerStore gazetteer, ReportStore store, TimeProvider clock) : IDisposable
{
    // Cheap to read on every upload: any import or added place changes the count or the newest id.
    private const string GazetteerVersionSql = "SELECT count(*), coalesce(max(id), 0) FROM places";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Count, long MaxId) _version = (-1, -1);
    private ReportIngestion? _ingestion;

    /// <summary>The ingestion over the current gazetteer.</summary>
    public async Task<ReportIngestion> GetAsync(CancellationToken cancellationToken = default)
    {
        (long, long) version;
        await using (var command = dataSource.CreateCommand(GazetteerVersionSql))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            version = (reader.GetInt64(0), reader.GetInt64(1));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ingestion is null || version != _version)
            {
                _ingestion = await ReportIngestion.CreateAsync(gazetteer, store, clock, cancellationToken);
                _version = version;
            }

            return _ingestion;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
