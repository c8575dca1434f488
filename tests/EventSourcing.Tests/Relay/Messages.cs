namespace Outreach.EventSourcing.Tests.Relay.Messages;

/// <summary>The integration message the test relay publishes for every deposit (MassTransit needs a namespace).</summary>
public sealed record DepositRecorded(string AccountId, decimal Amount);
