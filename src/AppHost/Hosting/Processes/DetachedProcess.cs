using System.Diagnostics;

namespace Outreach.AppHost.Hosting.Processes;

/// <summary>
/// Children run in their own session. Ctrl+C in a terminal signals the whole foreground process group;
/// kept out of it, children are stopped by the AppHost one by one in reverse dependency order instead of
/// all at once.
/// </summary>
internal static class DetachedProcess
{
    public static ProcessStartInfo InOwnSession(ProcessStartInfo startInfo)
    {
        // setsid execs in place (it only forks when already a group leader, which a fresh child never is),
        // so the pid we record is the program's own.
        var detached = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            WorkingDirectory = startInfo.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        detached.ArgumentList.Add(startInfo.FileName);
        foreach (var argument in startInfo.ArgumentList)
        {
            detached.ArgumentList.Add(argument);
        }

        detached.Environment.Clear();
        foreach (var (key, value) in startInfo.Environment)
        {
            detached.Environment[key] = value;
        }

        return detached;
    }
}
