namespace Outreach.EventSourcing.Tests.Domain;

public sealed record AccountOpened(string AccountId, string Owner);

public sealed record MoneyDeposited(string AccountId, decimal Amount);

public sealed record MoneyWithdrawn(string AccountId, decimal Amount);

public sealed record AccountClosed(string AccountId);
