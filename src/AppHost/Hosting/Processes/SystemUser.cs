using System.Diagnostics;
using System.Globalization;

namespace Outreach.AppHost.Hosting.Processes;

/// <summary>
/// PostgreSQL and RabbitMQ refuse to run as root. When the AppHost is root, their processes run as
/// their packages' system users (through setpriv, which execs in place so the pid is the server's own).
/// </summary>
internal static class SystemUser
{
    public static bool IsRoot { get; } = NativeMethods.GetEffectiveUserId() == 0;

    /// <summary>Start info that runs <paramref name="fileName"/> as <paramref name="user"/> when we are root.</summary>
    public static ProcessStartInfo StartInfo(string user, string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo { UseShellExecute = false };
        if (IsRoot)
        {
            startInfo.FileName = "setpriv";
            foreach (var argument in new[] { $"--reuid={user}", $"--regid={user}", "--init-groups", "--", fileName })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>Hands a directory tree to the user that will run the server (no-op unless root).</summary>
    public static async Task GiveOwnershipAsync(string user, string path, CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return;
        }

        var result = await ProcessRunner.RunAsync(new ProcessStartInfo("chown", ["-R", $"{user}:{user}", path]), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"chown {user} {path} failed ({result.ExitCode}): {result.Output}"));
        }
    }
}
