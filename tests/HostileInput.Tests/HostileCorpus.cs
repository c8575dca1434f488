using Outreach.HostileInput.Tests.Corpus;

namespace Outreach.HostileInput.Tests;

/// <summary>Every family of the corpus, by name, built against the fixture's tenant.</summary>
public static class HostileCorpus
{
    public static readonly IReadOnlyList<string> Families =
        [SeatCorpus.Family, MembersCorpus.Family, OperatorCorpus.Family, ConnectCorpus.Family, IdentityCorpus.Family, InvitationCorpus.Family];

    public static IReadOnlyList<HostileCase> For(string family, Tenant tenant, string operatorToken) => family switch
    {
        SeatCorpus.Family => [.. SeatCorpus.Build(tenant)],
        MembersCorpus.Family => [.. MembersCorpus.Build(tenant)],
        OperatorCorpus.Family => [.. OperatorCorpus.Build(tenant, operatorToken)],
        ConnectCorpus.Family => [.. ConnectCorpus.Build(tenant)],
        IdentityCorpus.Family => [.. IdentityCorpus.Build(tenant)],
        InvitationCorpus.Family => [.. InvitationCorpus.Build(tenant)],
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "No such family."),
    };
}
