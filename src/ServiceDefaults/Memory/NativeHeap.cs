using System.Runtime.InteropServices;

namespace Outreach.ServiceDefaults.Memory;

/// <summary>
/// The C allocator's side of the trim. Native code in the process (the runtime itself, its JIT, TLS and compression
/// libraries) allocates through glibc's malloc, whose arenas keep freed pages mapped for reuse: after a busy period the
/// GC can compact and release the managed heap, but those free native pages stay resident. <c>malloc_trim</c> hands
/// every whole free page in every arena back to the kernel. Other C libraries (musl) have no such call; there it does nothing.
/// </summary>
internal static partial class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Returns glibc's free heap pages to the system; false where there is no glibc or nothing was released.</summary>
    public static bool Trim()
    {
        if (_unavailable)
            return false;
        try
        {
            return MallocTrim(0) != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
