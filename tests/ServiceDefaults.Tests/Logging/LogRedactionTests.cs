using Outreach.ServiceDefaults.Logging;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Logging;

/// <summary>
/// The rule every service's logs pass through: allow-listed names keep their values, credential-named ones lose
/// them, and in any other text what looks like a credential is replaced while the rest stays readable.
/// </summary>
public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("SeatId", "seat_01jdx8k2m9q4r7t5v3w6y8z0ab")]
    [InlineData("AccountId", "acc_7f3c9a2b4d6e8f0a1b3c5d7e9f")]
    [InlineData("InvitationId", "inv_5e1f2a3b4c5d6e7f8a9b0c1d2e")]
    public void An_allow_listed_name_keeps_its_value_even_when_it_looks_random(string name, string value) =>
        LogRedaction.Redact(name, value).ShouldBe(value);

    [Theory]
    [InlineData("Password")]
    [InlineData("password")]
    [InlineData("SessionToken")]
    [InlineData("code")]
    [InlineData("CheckpointCode")]
    [InlineData("X-API-SECRET")]
    [InlineData("Authorization")]
    [InlineData("AccessKey")]
    [InlineData("Cookie")]
    public void A_credential_name_loses_its_value_whatever_it_holds(string name) =>
        LogRedaction.Redact(name, "hunter2 is short").ShouldBe(LogRedaction.Marker);

    [Theory]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "Bearer [redacted]")]
    [InlineData("key oak_k8Jw2nQ5rT7vX9zB1dF3hL was used", "key [redacted] was used")]
    [InlineData("Host=db;Username=app;Password=s3cr3t-Pa55;Database=seats", "Host=db;Username=app;Password=[redacted];Database=seats")]
    [InlineData("amqp://guest:n0t-a-s3cret@localhost:5672", "amqp://guest:[redacted]@localhost:5672")]
    [InlineData("GET /c/ct_s301jm0dqeic9gt7rmq2to1u04nlphb2/linkedin", "GET /c/[redacted]/linkedin")]
    [InlineData("{\"username\":\"jane@example.com\",\"password\":\"Pw-1234abcd\"}", "{\"username\":\"jane@example.com\",\"password\":\"[redacted]\"}")]
    [InlineData("session aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW refreshed", "session [redacted] refreshed")]
    public void What_looks_like_a_credential_inside_other_text_is_replaced(string text, string expected) =>
        LogRedaction.Redact("Detail", text).ShouldBe(expected);

    [Theory]
    [InlineData("The invitation queue's round failed; it looks again in a second")]
    [InlineData("POST /v1/identities/{identity_id}/linkedin/login")]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("invitation-service-seat-suspended")]
    [InlineData("2026-12-02T03:42:05.1234567Z")]
    public void Ordinary_text_is_left_as_it_is(string text) =>
        LogRedaction.Redact("Detail", text).ShouldBe(text);

    [Fact]
    public void Numbers_and_dates_pass_unchanged()
    {
        LogRedaction.Redact("Count", 123456789012345L).ShouldBe(123456789012345L);
        var now = DateTimeOffset.UtcNow;
        LogRedaction.Redact("At", now).ShouldBe(now);
    }
}
