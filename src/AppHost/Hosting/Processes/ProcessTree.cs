namespace Outreach.AppHost.Hosting.Processes;

/// <summary>Finds every descendant of a process by walking parent links in /proc.</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<ProcIdentity> Descendants(int rootPid)
    {
        var children = ProcStat.All().ToLookup(stat => stat.ParentPid);
        var found = new List<ProcIdentity>();
        var pending = new Queue<int>([rootPid]);
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Dequeue()])
            {
                found.Add(new ProcIdentity(child.Pid, child.StartTime));
                pending.Enqueue(child.Pid);
            }
        }

        return found;
    }
}
