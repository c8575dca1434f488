using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Outreach.AppHost.Hosting.State;

/// <summary>
/// Chooses loopback ports. A port chosen once is kept in the data directory and reused while it is free,
/// so connection strings and URLs stay the same from one run to the next.
/// </summary>
internal sealed class PortAllocator(JsonValueStore store)
{
    private readonly HashSet<int> _taken = [];

    public int Allocate(string key)
    {
        if (int.TryParse(store.Get(key), CultureInfo.InvariantCulture, out var remembered) && !_taken.Contains(remembered) && IsFree(remembered))
        {
            _taken.Add(remembered);
            return remembered;
        }

        int port;
        do
        {
            port = FreePort();
        }
        while (!_taken.Add(port));

        store.Set(key, port.ToString(CultureInfo.InvariantCulture));
        return port;
    }

    // Below Linux's ephemeral range (32768-60999 by default), so an outgoing connection's local port cannot
    // take a chosen port in the moment between choosing it and the server binding it.
    private const int LowestPort = 20000;
    private const int HighestPort = 32000;

    private static int FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var candidate = Random.Shared.Next(LowestPort, HighestPort);
            if (IsFree(candidate))
            {
                return candidate;
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
