namespace Outreach.SeatService.Members;

/// <summary>Configuration section "Members".</summary>
public sealed class MembersOptions
{
    public const string Section = "Members";

    /// <summary>How long a member invitation stays open unless the request asks otherwise (Members:InvitationLifetime, e.g. "7.00:00:00").</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    public static MembersOptions From(IConfiguration configuration)
    {
        var options = new MembersOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}
