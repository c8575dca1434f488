using System.Runtime.InteropServices;

namespace Outreach.AppHost.Hosting.Processes;

/// <summary>The few libc calls .NET has no API for: sending a chosen signal and asking who we run as.</summary>
internal static partial class NativeMethods
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEffectiveUserId();
}
