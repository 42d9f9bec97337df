using System.ComponentModel.DataAnnotations;

namespace Territory.Data;

/// <summary>Database settings, bound from configuration (<c>ConnectionStrings:Territory</c> and section <c>Database</c>).</summary>
public sealed class TerritoryDataOptions
{
    /// <summary>The configuration key users set, named in every error about it.</summary>
    public const string ConnectionStringSetting = "ConnectionStrings:Territory";

    /// <summary>The same key as an environment variable.</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__Territory";

    /// <summary>Npgsql connection string of a PostgreSQL database with PostGIS available.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seconds before a command is cancelled; bounded so a runaway query cannot hold a request.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
