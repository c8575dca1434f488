namespace Outreach.AppHost.Hosting;

/// <summary>
/// A failure the AppHost can explain (busy data directory, missing binaries) ends the process with its
/// message and exit code 1, not a stack trace.
/// </summary>
internal static class ExplainedFailures
{
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is DistributedApplicationException exception)
            {
                System.Console.Error.WriteLine(exception.Message);
                Environment.Exit(1);
            }
        };
    }
}
