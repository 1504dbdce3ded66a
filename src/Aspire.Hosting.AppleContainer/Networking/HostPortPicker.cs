using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// Picks the host ports containers publish on 127.0.0.1. A port is chosen here and bound by the runtime later (when
/// the container starts, possibly after its dependencies), so it is taken below the system's ephemeral range, where
/// no other process is handed one by the kernel (an outgoing connection or a bind to port 0) in between, and never
/// twice in this process. Each candidate is checked free by binding it; a system without room below its ephemeral
/// range falls back to the kernel's choice. A port asked for under a stable key (an AppHost's endpoint) is the same
/// from run to run while it is free, so what refers to it (a persistent container's environment, a bookmarked URL)
/// stays valid.
/// </summary>
internal sealed class HostPortPicker
{
    /// <summary>The lowest port picked: below it are the well-known ports of common development services.</summary>
    public const int LowestPort = 20_000;

    private const int Attempts = 64;
    private const int StableProbes = 4;
    private readonly object _gate = new();
    private readonly Dictionary<int, string?> _handedOut = []; // port → the stable key it went to (null: none)
    private readonly Random _random;

    /// <summary>Creates a picker below <paramref name="ephemeralStart"/>, drawing candidates from <paramref name="random"/>.</summary>
    public HostPortPicker(int ephemeralStart, Random random) => (EphemeralStart, _random) = (ephemeralStart, random);

    /// <summary>The picker of this process, below the system's ephemeral range.</summary>
    public static HostPortPicker Shared { get; } = new(ReadEphemeralStart(), Random.Shared);

    /// <summary>The first port of the system's ephemeral range.</summary>
    public int EphemeralStart { get; }

    /// <summary>
    /// A port free on 127.0.0.1 for <paramref name="protocol"/>: the first free one of <paramref name="stableKey"/>'s
    /// few fixed candidates (the same in every process with the same ephemeral range) that this picker has not handed
    /// out under another key, else any port not handed out before. The same key gets its port again once it is free,
    /// as for a later application in the same process; an AppHost asks for each of its keys once.
    /// </summary>
    public int Pick(ProtocolType protocol, string stableKey)
    {
        lock (_gate)
        {
            for (var probe = 0; probe < StableProbes && EphemeralStart > LowestPort; probe++)
            {
                var candidate = StablePort(stableKey, probe);
                var handedOutBefore = _handedOut.TryGetValue(candidate, out var owner);
                if ((!handedOutBefore || owner == stableKey) && IsFree(candidate, protocol))
                {
                    _handedOut[candidate] = stableKey;
                    return candidate;
                }
            }

            return Pick(protocol);
        }
    }

    /// <summary>A port free on 127.0.0.1 for <paramref name="protocol"/> that this picker has not handed out before.</summary>
    public int Pick(ProtocolType protocol = ProtocolType.Tcp)
    {
        lock (_gate)
        {
            for (var attempt = 0; attempt < Attempts && EphemeralStart > LowestPort; attempt++)
            {
                var candidate = _random.Next(LowestPort, EphemeralStart);
                if (!_handedOut.ContainsKey(candidate) && IsFree(candidate, protocol))
                {
                    _handedOut[candidate] = null;
                    return candidate;
                }
            }

            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var chosen = BindAny(protocol);
                if (_handedOut.TryAdd(chosen, null))
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

    /// <summary>The <paramref name="probe"/>-th fixed candidate of <paramref name="stableKey"/>, in [<see cref="LowestPort"/>, <see cref="EphemeralStart"/>).</summary>
    internal int StablePort(string stableKey, int probe)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{stableKey}#{probe}")));
        return LowestPort + (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)(EphemeralStart - LowestPort));
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
