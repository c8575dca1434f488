using Outreach.LinkedInSandbox.Http;
using Outreach.LinkedInSandbox.Users;

namespace Outreach.LinkedInSandbox.Accounts;

/// <summary>
/// POST /api/v1/accounts {"provider":"LINKEDIN","username","password","country"?} — native login.
/// 201 AccountCreated when it goes straight through, 202 Checkpoint when LinkedIn asks for more, 401/403 when it refuses.
/// </summary>
public static class ConnectAccount
{
    public sealed record Request(string? Provider, string? Username, string? Password, string? Country);

    public static IResult Handle(Request? request, AccountStore accounts)
    {
        if (request?.Provider != Providers.LinkedIn)
            return UnipileErrors.InvalidParameter($"provider must be \"{Providers.LinkedIn}\".");
        var username = request.Username?.Trim();
        if (string.IsNullOrEmpty(username))
            return UnipileErrors.InvalidParameter("username is required.");
        if (string.IsNullOrEmpty(request.Password))
            return UnipileErrors.InvalidParameter("password is required.");

        var scenario = LoginScenarios.Of(username);
        switch (scenario)
        {
            // No account is created for a refused login, as with the real provider.
            case LoginScenario.WrongPassword:
                return UnipileErrors.Problem(StatusCodes.Status401Unauthorized, UnipileErrors.InvalidCredentials, "Invalid credentials",
                    "LinkedIn refused the username or password.");
            case LoginScenario.Restricted:
                return UnipileErrors.Problem(StatusCodes.Status403Forbidden, UnipileErrors.AccountRestricted, "Account restricted",
                    "LinkedIn has restricted this account; it must be unlocked on LinkedIn first.");
        }

        var now = accounts.Clock.GetUtcNow();
        var account = new SandboxAccount
        {
            Id = SessionTokens.NewAccountId(),
            Username = username,
            Name = LoginScenarios.DisplayName(username),
            MemberId = MemberIds.ForUsername(username),
            PublicIdentifier = LoginScenarios.PublicIdentifier(username),
            CreatedAt = now,
            IntentExpiresAt = now + accounts.Options.IntentWindow,
        };

        var checkpoint = scenario switch
        {
            LoginScenario.TwoFactor => new PendingCheckpoint(CheckpointTypes.TwoFactor, null, now),
            LoginScenario.TwoFactorSms => new PendingCheckpoint(CheckpointTypes.TwoFactor, CheckpointSources.Sms, now),
            LoginScenario.Otp => new PendingCheckpoint(CheckpointTypes.Otp, CheckpointSources.Email, now),
            LoginScenario.InApp => new PendingCheckpoint(CheckpointTypes.InAppValidation, null, now),
            LoginScenario.Captcha => new PendingCheckpoint(CheckpointTypes.Captcha, null, now),
            LoginScenario.PhoneRegister => new PendingCheckpoint(CheckpointTypes.PhoneRegister, null, now),
            _ => null,
        };

        lock (account.Gate)
        {
            if (checkpoint is null)
                account.Connect();
            else
                account.Await(checkpoint);
            accounts.Add(account);
            return checkpoint is null
                ? Results.Created($"/api/v1/accounts/{account.Id}", new AccountCreated(account.Id, account.SessionToken))
                : Results.Accepted($"/api/v1/accounts/{account.Id}", AccountViews.Checkpoint(account));
        }
    }
}

public static class Providers
{
    public const string LinkedIn = "LINKEDIN";
}

public static class CheckpointSources
{
    public const string Sms = "SMS";
    public const string Email = "EMAIL";
}
