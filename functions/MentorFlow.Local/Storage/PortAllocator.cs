using System.Net;
using System.Net.Sockets;

namespace MentorFlow.Local.Storage;

/// <summary>Chooses the blob, queue and table ports: the preferred trio when all three are free, else three free ones.</summary>
internal static class PortAllocator
{
    public static (int Blob, int Queue, int Table) Choose(string host, int? preferredBlobPort)
    {
        var address = Resolve(host);
        if (preferredBlobPort is int blob && blob > 0 && blob + 2 <= IPEndPoint.MaxPort
            && IsFree(address, blob) && IsFree(address, blob + 1) && IsFree(address, blob + 2))
        {
            return (blob, blob + 1, blob + 2);
        }

        return PickFree(address);
    }

    public static bool IsFree(IPAddress address, int port)
    {
        using var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static (int Blob, int Queue, int Table) PickFree(IPAddress address)
    {
        // All three listen at once so the OS hands out three different ports. They are released just before Azurite
        // binds them; losing one to another process in that gap shows up as EADDRINUSE, and the caller retries.
        using var blob = Listen(address);
        using var queue = Listen(address);
        using var table = Listen(address);
        return (PortOf(blob), PortOf(queue), PortOf(table));
    }

    private static TcpListener Listen(IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        return listener;
    }

    private static int PortOf(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        var addresses = Dns.GetHostAddresses(host);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new AzuriteException($"The Azurite host name '{host}' does not resolve to any address; use an IP address such as 127.0.0.1.");
    }
}
