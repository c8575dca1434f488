namespace Outreach.CrossService.Tests.AccessKeys;

/// <summary>One authenticated route per service that does not own access keys, with what it answers an empty tenant.</summary>
public static class TenantRoutes
{
    public const string Identities = "/v1/identities";
    public const string SentInvitations = "/api/v1/users/invite/sent";

    public static TheoryData<string, string> OfOtherServices => new()
    {
        { CrossServiceFixture.IdentityService, Identities },
        { CrossServiceFixture.InvitationService, SentInvitations },
    };
}
