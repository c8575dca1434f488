namespace Outreach.LinkedInSandbox.Tests.Support;

/// <summary>
/// The sandbox the invitation tests share: a weekly limit of 20 (so 50/75/90/95 % come at the 10th, 15th, 18th and
/// 19th send), nobody accepts unless tagged "accepts-" (after 200 ms), and a resend cooldown of about 2.6 s.
/// Every test sends from a member of its own (<see cref="InvitationCalls.Member"/>), since limits are per member.
/// </summary>
public sealed class InvitationSandbox() : SandboxFixture(new Dictionary<string, string>
{
    ["ApiKey"] = SharedSandbox.ApiKey,
    ["WeeklyInvitationLimit"] = "20",
    ["AcceptanceRate"] = "0",
    ["AcceptanceDelayMs"] = "200",
    ["ResendCooldownDays"] = "0.00003",
})
{
    public static readonly TimeSpan ResendCooldown = TimeSpan.FromDays(0.00003);
    public static readonly TimeSpan AcceptanceDelay = TimeSpan.FromMilliseconds(200);

    public SandboxClient Client() => new(Process.CreateClient(SharedSandbox.ApiKey));
}

[CollectionDefinition(Name)]
public sealed class InvitationSandboxGroup : ICollectionFixture<InvitationSandbox>
{
    public const string Name = "invitation sandbox";
}
