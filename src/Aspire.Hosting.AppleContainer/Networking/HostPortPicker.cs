using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// Picks the host ports containers publish on 127.0.0.1. A port is chosen here and bound by the runtime later (when
/// the container starts, possibly after its dependencies), so it is taken below the system's ephemeral range, where
/// no other process is handed one by the kernel (an outgoing connection or a bind to port 0) in between, and never
/// twice in this process. Each candidate is checked free by binding it; a system without room below its ephemeral
/// range falls back to the kernel's choice.
/// </summary>
internal sealed class HostPortPicker
{
    /// <summary>The lowest port picked: below it are the well-known ports of common development services.</summary>
    public const int LowestPort = 20_000;

    private const int Attempts = 64;
    private readonly object _gate = new();
    private readonly HashSet<int> _handedOut = [];
    private readonly Random _random;

    /// <summary>Creates a picker below <paramref name="ephemeralStart"/>, drawing candidates from <paramref name="random"/>.</summary>
    public HostPortPicker(int ephemeralStart, Random random) => (EphemeralStart, _random) = (ephemeralStart, random);

    /// <summary>The picker of this process, below the system's ephemeral range.</summary>
    public static HostPortPicker Shared { get; } = new(ReadEphemeralStart(), Random.Shared);

    /// <summary>The first port of the system's ephemeral range.</summary>
    public int EphemeralStart { get; }

    /// <summary>A port free on 127.0.0.1 for <paramref name="protocol"/> that this picker has not handed out before.</summary>
    public int Pick(ProtocolType protocol = ProtocolType.Tcp)
    {
        lock (_gate)
        {
            for (var attempt = 0; attempt < Attempts && EphemeralStart > LowestPort; attempt++)
            {
                var candidate = _random.Next(LowestPort, EphemeralStart);
                if (!_handedOut.Contains(candidate) && IsFree(candidate, protocol))
                {
                    _handedOut.Add(candidate);
                    return candidate;
                }
            }

            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var chosen = BindAny(protocol);
                if (_handedOut.Add(chosen))
                {
                    return chosen;
                }
            }

            throw new InvalidOperationException("No free port was found on 127.0.0.1.");
        }
    }

    /// <summary>
    /// The first ephemeral port: Linux's <c>ip_local_port_range</c>; elsewhere the IANA dynamic range (macOS and
    /// Windows use it by default).
    /// </summary>
    internal static int ReadEphemeralStart(string rangeFile = "/proc/sys/net/ipv4/ip_local_port_range")
    {
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists(rangeFile))
            {
                var first = File.ReadAllText(rangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
                return int.Parse(first, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException or IndexOutOfRangeException)
        {
        }

        return 49_152;
    }

    private static bool IsFree(int port, ProtocolType protocol)
    {
        try
        {
            using var socket = protocol == ProtocolType.Udp
                ? new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
                : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int BindAny(ProtocolType protocol)
    {
        using var socket = protocol == ProtocolType.Udp
            ? new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
