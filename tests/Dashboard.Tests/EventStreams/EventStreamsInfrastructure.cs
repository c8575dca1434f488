using Outreach.Testing;

namespace Outreach.Dashboard.Tests.EventStreams;

/// <summary>One real PostgreSQL and RabbitMQ for the event streams and dead-letter tests; each test makes its own databases and queues.</summary>
[CollectionDefinition(Name)]
public sealed class EventStreamsInfrastructure : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "event-streams";
}
