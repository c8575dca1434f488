namespace Outreach.EventSourcing.Tests.Domain;

/// <summary>A plain aggregate rebuilt by Apply methods, as services write them.</summary>
public sealed class Account
{
    public string Id { get; private set; } = "";
    public long Version { get; private set; }
    public string Owner { get; private set; } = "";
    public decimal Balance { get; private set; }
    public bool IsClosed { get; private set; }
    public int Deposits { get; private set; }

    public void Apply(AccountOpened e) => Owner = e.Owner;

    public void Apply(MoneyDeposited e)
    {
        Balance += e.Amount;
        Deposits++;
    }

    public void Apply(MoneyWithdrawn e) => Balance -= e.Amount;

    public void Apply(AccountClosed e) => IsClosed = true;
}
