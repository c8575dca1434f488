using Microsoft.Extensions.Hosting;

namespace Outreach.EventSourcing;

/// <summary>Applies migrations while the host starts, before the server takes requests.</summary>
internal sealed class SchemaMigrationHost(IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.Advanced.ApplyMigrationsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
