using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Outreach.AppHost.Hosting.State;

namespace Outreach.AppHost.Hosting.Demo;

/// <summary>
/// Makes sure apphost.json names a demo account and key: the one kept in the data directory, or, on the first
/// run, a new one made through seat-service's operator API. The access key itself is never logged.
/// </summary>
internal sealed class DemoAccountProvisioner(
    DemoCredentialStore store,
    SeatServiceOperatorClient client,
    AppHostStateFile stateFile,
    ILogger logger,
    IReadOnlyList<TimeSpan> retryDelays)
{
    public const string AccountName = "Demo";

    /// <summary>About half a minute in all: long enough for seat-service to come back from a restart.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)];

    public async Task ProvisionAsync(CancellationToken cancellationToken)
    {
        var credentials = store.Load();
        if (credentials is not null)
        {
            logger.LogInformation("Demo account {AccountId} (key {KeyId}) reused from {Path}", credentials.AccountId, credentials.KeyId, store.Path);
        }
        else
        {
            credentials = await CreateAsync(cancellationToken);
            if (credentials is null)
            {
                return;
            }

            store.Save(credentials);
            logger.LogInformation("Demo account {AccountId} created with key {KeyId}; the key is in {StateFile}", credentials.AccountId, credentials.KeyId, stateFile.Path);
        }

        stateFile.SetDemo(new DemoInfo(credentials.AccountId, credentials.AccessKey));
    }

    private async Task<DemoCredentials?> CreateAsync(CancellationToken cancellationToken)
    {
        // Kept across attempts: when only issuing the key failed, the retry must not make a second account.
        string? accountId = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                accountId ??= await client.CreateAccountAsync(AccountName, cancellationToken);
                var key = await client.IssueAccessKeyAsync(accountId, cancellationToken);
                return new DemoCredentials(accountId, key.KeyId, key.AccessKey);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken) && attempt <= retryDelays.Count)
            {
                var delay = retryDelays[attempt - 1];
                logger.LogWarning("Provisioning the demo account failed ({Reason}); attempt {Attempt} of {Attempts}, retrying in {Delay}",
                    exception.Message, attempt, retryDelays.Count + 1, delay);
                await Task.Delay(delay, cancellationToken);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken) || exception is HttpRequestException or JsonException)
            {
                logger.LogError("Could not provision the demo account ({Reason}); apphost.json has no demo. A later run tries again.", exception.Message);
                return null;
            }
        }
    }

    // No answer, a timeout or a server error may pass; a 4xx (a wrong operator token) will not.
    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException { StatusCode: null or >= HttpStatusCode.InternalServerError } => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
