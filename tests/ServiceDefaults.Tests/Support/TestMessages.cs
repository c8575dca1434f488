using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Npgsql;

// MassTransit needs message types to live in a namespace; these are test-only contracts.
namespace Outreach.ServiceDefaults.Tests.Support.Messages;

public sealed record PingSent(Guid PingId);

public sealed record PoisonSent(Guid PoisonId);

/// <summary>What the consumers saw, shared with the test through the container.</summary>
public sealed class MessageLog
{
    public ConcurrentDictionary<Guid, ActivityTraceId?> Pings { get; } = new();
    public ConcurrentDictionary<Guid, int> PoisonAttempts { get; } = new();
    public ConcurrentDictionary<Guid, int> ProbeAttempts { get; } = new();
    public ConcurrentDictionary<Guid, bool> Probes { get; } = new();
}

/// <summary>Found by convention (AddConsumers on this assembly): queue "ping".</summary>
public sealed class PingConsumer(MessageLog log) : IConsumer<PingSent>
{
    public Task Consume(ConsumeContext<PingSent> context)
    {
        log.Pings[context.Message.PingId] = Activity.Current?.TraceId;
        return Task.CompletedTask;
    }
}

/// <summary>Always throws, so every message it gets must end in "always-failing_error".</summary>
public sealed class AlwaysFailingConsumer(MessageLog log) : IConsumer<PoisonSent>
{
    public Task Consume(ConsumeContext<PoisonSent> context)
    {
        log.PoisonAttempts.AddOrUpdate(context.Message.PoisonId, 1, (_, attempts) => attempts + 1);
        throw new InvalidOperationException("This consumer always fails.");
    }
}

public sealed record OutageProbeSent(Guid ProbeId);

/// <summary>
/// Asks the real database for each message (ConnectionStrings:probe, with a 1 s budget), so an outage of the database
/// fails it with the same NpgsqlException a service's consumer would get.
/// </summary>
public sealed class DatabaseProbeConsumer(MessageLog log, IConfiguration configuration) : IConsumer<OutageProbeSent>
{
    public async Task Consume(ConsumeContext<OutageProbeSent> context)
    {
        log.ProbeAttempts.AddOrUpdate(context.Message.ProbeId, 1, (_, attempts) => attempts + 1);
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("probe")) { Timeout = 1, CommandTimeout = 1 };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync(context.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(context.CancellationToken);
        log.Probes[context.Message.ProbeId] = true;
    }
}
