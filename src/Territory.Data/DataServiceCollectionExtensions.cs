using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Territory.Data.Accounts;
using Territory.Data.Health;
using Territory.Data.Schema;

namespace Territory.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one <see cref="NpgsqlDataSource"/> and the stores. The connection string comes from
    /// <c>ConnectionStrings:Territory</c>; a missing one is reported by name when the data source is first needed.
    /// </summary>
    public static IHostApplicationBuilder AddTerritoryData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TerritoryDataOptions>()
            .Bind(builder.Configuration.GetSection("Database"))
            .Configure(o => o.ConnectionString ??= builder.Configuration.GetConnectionString("Territory"))
            .ValidateDataAnnotations();
        builder.Services.AddOptions<Events.EventOptions>()
            .Bind(builder.Configuration.GetSection(Events.EventOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTerritoryDataServices();
        return builder;
    }

    /// <summary>The registrations without configuration binding, for hosts that set <see cref="TerritoryDataOptions"/> themselves.</summary>
    public static IServiceCollection AddTerritoryDataServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CreateDataSource(sp.GetRequiredService<IOptions<TerritoryDataOptions>>().Value));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<DatabaseStartup>();
        services.AddSingleton<DatabaseStatus>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<Places.PlaceStore>();
        services.AddSingleton<Places.GazetteerStore>();
        services.AddSingleton(sp => new Reports.ReportStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(),
            new Reports.ReportStoreOptions { AutoAcceptConfidence = sp.GetRequiredService<IOptions<Events.EventOptions>>().Value.AutoAcceptConfidence }));
        services.AddSingleton<Reports.ReportIngestionSource>();
        services.AddSingleton<Events.EventStore>();
        services.AddSingleton<Mentions.MentionReviewStore>();
        services.AddSingleton<Timeline.TimelineStore>();
        services.AddSingleton<Territory.TerritoryStore>();
        services.AddSingleton<Territory.InitialControlStore>();
        return services;
    }

    /// <summary>Builds the data source, or says which setting is missing.</summary>
    public static NpgsqlDataSource CreateDataSource(TerritoryDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new DatabaseUnavailableException(
                $"No database is configured: set {TerritoryDataOptions.ConnectionStringSetting} (environment variable {TerritoryDataOptions.ConnectionStringVariable}) to the Npgsql connection string of a PostGIS database, or start the app with scripts/run, which provides one.");
        }

        NpgsqlConnectionStringBuilder connection;
        try
        {
            connection = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseUnavailableException($"{TerritoryDataOptions.ConnectionStringSetting} is not a valid connection string: {e.Message}", e);
        }

        connection.CommandTimeout = options.CommandTimeoutSeconds;
        connection.ApplicationName ??= "territory";
        return new NpgsqlDataSourceBuilder(connection.ConnectionString).Build();
    }
}
