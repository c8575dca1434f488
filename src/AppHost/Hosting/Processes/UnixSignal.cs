namespace Outreach.AppHost.Hosting.Processes;

/// <summary>Signal numbers on Linux.</summary>
internal static class UnixSignal
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;
    public const int Continue = 18;
    public const int Stop = 19;

    /// <summary>Sends a signal; false when the process is already gone.</summary>
    public static bool Send(int pid, int signal) => NativeMethods.Kill(pid, signal) == 0;
}
