using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Outreach.AppHost.Testing;
using Shouldly;

namespace Outreach.Onboarding.Tests.Internal;

/// <summary>identity-service's /internal routes answer only the operator token (seat-service holds it), never an access key.</summary>
[Collection(OnboardingSuite.Name)]
public sealed class InternalRoutesTests(OnboardingFixture system)
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic b3BlcmF0b3I6eA==")]
    public async Task Without_the_operator_token_the_internal_routes_answer_401(string? authorization)
    {
        using var client = system.App.CreateHttpClient("identity-service");
        if (authorization is not null)
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);

        using var create = await client.PostAsJsonAsync("/internal/seats/seat_x/identity",
            new { account_id = "acc_x", key_id = "key_x", first_name = "Jane", last_name = "Doe" });
        using var status = await client.GetAsync("/internal/identities/idn_x/linkedin/status/ses_x");
        using var decline = await client.PostAsync("/internal/identities/idn_x/linkedin/decline/ses_x", null);

        create.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        status.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        decline.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
