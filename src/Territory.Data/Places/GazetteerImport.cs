namespace Territory.Data.Places;

/// <summary>A gazetteer file about to be imported: the source its rows belong to, its format, name and SHA-256 (hex).</summary>
/// <param name="Source">The source every record must carry (geonames, ocha, boundaries, curated...); never <c>analyst</c>.</param>
/// <param name="Format">The reader used (geonames, ocha-places, boundaries, curated).</param>
/// <param name="FileName">The file's name as given, for the record of imports.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, 64 hex digits; <c>territory setup</c> skips a file already imported.</param>
/// <param name="Options">The reader options used (country filter, kind, objects...), as text.</param>
public sealed record GazetteerImport(string Source, string Format, string FileName, string Sha256, string? Options = null);

/// <summary>What one import changed.</summary>
public sealed record GazetteerImportSummary(long ImportId, int Records, int Inserted, int Updated, int NamesAdded, int NamesRemoved, int AdminCodesFilled)
{
    /// <summary>Records whose stored row was already the same.</summary>
    public int Unchanged => Records - Inserted - Updated;
}
