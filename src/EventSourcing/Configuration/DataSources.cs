using Npgsql;

namespace Outreach.EventSourcing;

internal static class DataSources
{
    /// <summary>
    /// The store's pool. Auto-prepare is on unless the connection string says otherwise: the append and subscription
    /// statements are the same text every time, and preparing them saves parse and plan on each call.
    /// </summary>
    public static NpgsqlDataSource Build(string connectionString, EventStoreOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }
        foreach (var configure in options.DataSourceConfigurations)
            configure(builder);
        return builder.Build();
    }
}
