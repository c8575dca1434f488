using Outreach.Testing;

namespace Outreach.EventSourcing.Tests.Support;

/// <summary>
/// One PostgreSQL server and one RabbitMQ broker for every test here. The tests run one after another, so a test
/// that restarts a server never pulls it from under another test. Each test gets its own database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedInfrastructure : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}
