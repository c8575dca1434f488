using Outreach.Testing;

namespace Outreach.ServiceDefaults.Tests.Support;

/// <summary>
/// One real PostgreSQL and one real RabbitMQ for every test that needs them. Tests in the collection run
/// one after another, which the broker-outage test relies on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedInfrastructure : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}
