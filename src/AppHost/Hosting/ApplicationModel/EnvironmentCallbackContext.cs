namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>
/// What a <c>WithEnvironment</c> callback sees when a process is launched: its environment so far, and values the
/// AppHost only knows once the application is built (the operator token).
/// </summary>
public sealed class EnvironmentCallbackContext(IDictionary<string, string?> environmentVariables, string operatorToken)
{
    public IDictionary<string, string?> EnvironmentVariables { get; } = environmentVariables;

    public string OperatorToken { get; } = operatorToken;
}
