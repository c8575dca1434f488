using Outreach.Domain.Properties.Tests.Support;

namespace Outreach.Domain.Properties.Tests.Seats;

/// <summary>What can happen to a seat: the user-management actions, the connect page's steps and identity-service's messages.</summary>
public abstract record SeatCommand;

public sealed record Suspend : SeatCommand;
public sealed record Unsuspend : SeatCommand;
public sealed record Disconnect : SeatCommand;
public sealed record Migrate(string ToKeyId) : SeatCommand;
public sealed record SetDailyLimit(int Limit) : SeatCommand;
public sealed record SignUp : SeatCommand;
public sealed record StartLinkedInLogin : SeatCommand;
public sealed record AddProduct : SeatCommand;
public sealed record SetProfile(int Limit) : SeatCommand;
public sealed record ReviewProduct : SeatCommand;
public sealed record CompleteSetup : SeatCommand;
/// <summary>identity-service's LinkedInConnected; <paramref name="SameTenant"/> false is a message naming another key.</summary>
public sealed record LinkedInConnected(bool SameTenant) : SeatCommand;
public sealed record LinkedInDropped(bool SameTenant) : SeatCommand;

public static class SeatScripts
{
    public const string FirstKey = "key_a";
    public static readonly string[] Keys = [FirstKey, "key_b", "key_c"];

    private static readonly Gen<int> Limits = Gen.Frequency((4, Gen.Choose(1, 100)), (1, Gen.Elements(-1, 0, 101, 1000)));

    /// <summary>Weighted so that the onboarding reaches activation often and the other actions hit every status.</summary>
    public static readonly Gen<SeatCommand> Command = Gen.Frequency(
        (3, Gen.Constant<SeatCommand>(new Suspend())),
        (3, Gen.Constant<SeatCommand>(new Unsuspend())),
        (1, Gen.Frequency((1, Gen.Constant<SeatCommand>(new Disconnect())), (4, Gen.Constant<SeatCommand>(new Suspend())))),
        (2, Gen.Elements(Keys).Select(key => (SeatCommand)new Migrate(key))),
        (2, Limits.Select(limit => (SeatCommand)new SetDailyLimit(limit))),
        (2, Gen.Constant<SeatCommand>(new SignUp())),
        (2, Gen.Constant<SeatCommand>(new StartLinkedInLogin())),
        (2, Gen.Constant<SeatCommand>(new AddProduct())),
        (2, Limits.Select(limit => (SeatCommand)new SetProfile(limit))),
        (2, Gen.Constant<SeatCommand>(new ReviewProduct())),
        (4, Gen.Constant<SeatCommand>(new CompleteSetup())),
        (4, Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false))).Select(same => (SeatCommand)new LinkedInConnected(same))),
        (3, Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false))).Select(same => (SeatCommand)new LinkedInDropped(same))));

    /// <summary>The connect page from sign-up to activation, in order.</summary>
    private static readonly Gen<SeatCommand[]> Onboarding = Gen.Constant<SeatCommand[]>(
        [new SignUp(), new StartLinkedInLogin(), new AddProduct(), new SetProfile(30), new ReviewProduct(), new LinkedInConnected(true), new CompleteSetup()]);

    public static Arbitrary<Script<SeatCommand>> Scripts() => Support.Scripts.OfRuns(Gen.Frequency(
        (12, Command.Select(c => new[] { c })),
        (2, Onboarding),
        (1, Gen.Constant<SeatCommand[]>([new LinkedInConnected(true), new CompleteSetup()]))));
}
